// One connection to a series draft room (SER41): the shared notepad connection (y-websocket,
// y-indexeddb offline copy, status) with tickets from the series' own endpoint, and the draft's
// text and title block as React state, updated on every change.
import { parseDocumentText, DRAFT_BODY, DRAFT_TITLE, seriesDocumentRoom, titleFromRecord, type DocumentBlock, type TitleBlock } from '@open-talks/shared/series';
import type { Language } from '@open-talks/shared';
import type { NotepadTicketResponse } from '@open-talks/shared/protocol';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { openNotepadConnection, type NotepadConnection, type NotepadConnectionState } from '../../net/notepad';
import { seriesRequest } from '../request';

const CONNECTING: NotepadConnectionState = { status: 'connecting', serverReadOnly: false, closed: null };
const EMPTY_TITLE: TitleBlock = { symbol: '', date: '', submittedBy: '', title: '' };

export interface DraftState {
  connection: NotepadConnection | null;
  state: NotepadConnectionState;
  text: string;
  blocks: DocumentBlock[];
  title: TitleBlock;
}

export function useDraft(seriesId: string, language: Language, token: string, user: { name: string; color: string }): DraftState {
  const [connection, setConnection] = useState<NotepadConnection | null>(null);
  const [content, setContent] = useState<{ text: string; blocks: DocumentBlock[]; title: TitleBlock }>({ text: '', blocks: [], title: EMPTY_TITLE });

  useEffect(() => {
    const fetchTicket = async () => (await seriesRequest<NotepadTicketResponse>('POST', seriesId, '/notepad-tickets', token, {})).ticket;
    const opened = openNotepadConnection(seriesDocumentRoom(seriesId, language), token, user, fetchTicket);
    setConnection(opened);
    const body = opened.doc.getText(DRAFT_BODY);
    const title = opened.doc.getMap<unknown>(DRAFT_TITLE);
    const read = () => {
      const text = body.toString();
      setContent({ text, blocks: parseDocumentText(text), title: titleFromRecord(title.toJSON()) });
    };
    read();
    opened.doc.on('update', read);
    return () => {
      opened.doc.off('update', read);
      setConnection(null);
      opened.destroy();
    };
    // The user's name and colour are updated in place below, without reconnecting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seriesId, language, token]);

  useEffect(() => {
    connection?.provider.awareness.setLocalStateField('user', { name: user.name, color: user.color, colorLight: `${user.color}33` });
  }, [connection, user.name, user.color]);

  const state = useSyncExternalStore(
    (listener) => connection?.subscribe(listener) ?? (() => undefined),
    () => connection?.state() ?? CONNECTING,
  );
  return { connection, state, ...content };
}
