// Types a series draft as a rapporteur's browser does: the upstream WebsocketProvider in the
// draft's room (series/<id>/document/<language>), with a ticket from the document part.
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { seriesDocumentRoom } from '../../shared/src/domain/series/index.js';
import type { Language } from '../../shared/src/index.js';
import { http } from './api.js';
import { notepadUrl, VERSION_QUERY } from './notepad.js';
import { within } from './wait.js';

/**
 * Types a draft into the series' room with the upstream WebsocketProvider, as a rapporteur's
 * browser does; null while the document part (its ticket endpoint) has not landed.
 */
export async function writeDraft(url: string, seriesId: string, token: string, language: Language, text: string, title: Record<string, string>): Promise<boolean> {
  const ticket = async () => {
    const got = await http<{ ticket: string }>(url, 'POST', `/api/series/${seriesId}/notepad-tickets`, { token, body: {} });
    return got.status === 201 ? got.body.ticket : null;
  };
  const first = await ticket();
  if (first === null) return false;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(notepadUrl(url), seriesDocumentRoom(seriesId, language), doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { ...VERSION_QUERY, ticket: first },
  });
  try {
    await within(new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))), `sync with the ${language} draft`);
    doc.transact(() => {
      doc.getText('body').insert(0, text);
      const map = doc.getMap<string>('title');
      for (const [key, value] of Object.entries(title)) map.set(key, value);
    });
    // The server has it when its draft endpoint reads it back.
    for (let i = 0; i < 100; i++) {
      const read = await http<{ text: string }>(url, 'GET', `/api/series/${seriesId}/drafts/${language}`, { token });
      if (read.status === 200 && read.body.text === text) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the draft never reached the server');
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
