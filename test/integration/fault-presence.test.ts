import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Attribution } from '../../shared/src/index.js';
import { createSession, join, type Created, type Joined } from '../helpers/api.js';
import { closeAllNotepads, handled, openNotepad, type NotepadClient } from '../helpers/notepad.js';
import { awarenessMessage, openRawNotepad } from '../helpers/raw-notepad.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';

// Presence (awareness) in the notepads as the server lets it through (NOTE15): nobody speaks for
// another person's caret, messages are small, and names follow the session's attribution.
// Storage plays no part here: SQLite only.

type State = { user?: { name?: string; color?: string }; cursor?: unknown; [key: string]: unknown };

/** An awareness update with these entries (client id, clock, state; null removes). */
function awarenessUpdate(...entries: [number, number, State | null][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

function stateOf(client: NotepadClient, of: NotepadClient): State | undefined {
  return client.provider.awareness.getStates().get(of.doc.clientID);
}

/** Resolves once `client` sees a state of `of` that satisfies `predicate`. */
function untilPresence(client: NotepadClient, of: NotepadClient, predicate: (state: State) => boolean, what: string): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      const check = () => {
        const state = stateOf(client, of);
        if (!state || !predicate(state)) return;
        client.provider.awareness.off('change', check);
        resolve();
      };
      client.provider.awareness.on('change', check);
      check();
    }),
    what,
  );
}

describe('notepad presence', () => {
  let server: TestServer;
  const sessions = new Map<Attribution, { created: Created; ann: Joined; olga: Joined; harvest: string }>();

  beforeAll(async () => {
    server = await startTestServer({ database: await createTestDatabase('sqlite') });
    for (const attribution of ['named', 'group', 'anonymous'] as const) {
      const created = await createSession(server.url, { title: `Presence ${attribution}`, attribution });
      const ann = await join(server.url, created.session.joinCode, { displayName: 'Ann Real', stakeholderGroup: 'academia' });
      const olga = await join(server.url, created.session.joinCode, { displayName: 'Olga', role: 'observer' });
      sessions.set(attribution, { created, ann, olga, harvest: `session/${created.session.id}/harvest` });
    }
  });
  afterEach(() => {
    closeAllNotepads();
    closeAllSockets();
  });
  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
  });

  it('NOTE15 a read-only observer can neither rename another person’s caret nor remove it', async () => {
    const { created, ann: annJoined, olga, harvest } = sessions.get('named')!;
    const ann = await openNotepad(server.url, harvest, annJoined.token);
    ann.provider.awareness.setLocalStateField('user', { name: 'Ann Real', color: '#336699' });
    const watcher = await openNotepad(server.url, harvest, created.facilitatorToken);
    await untilPresence(watcher, ann, (s) => s.user?.name === 'Ann Real', 'Ann’s caret at the facilitator');
    const clock = ann.provider.awareness.meta.get(ann.doc.clientID)!.clock;

    // One forger announces itself first, another goes straight for Ann's id.
    const forger = await openRawNotepad(server.url, harvest, olga.token);
    forger.send(awarenessMessage(awarenessUpdate([777_001, 1, { user: { name: 'Olga' } }])));
    forger.send(awarenessMessage(awarenessUpdate([ann.doc.clientID, clock + 5, { user: { name: 'Forged' } }])));
    forger.send(awarenessMessage(awarenessUpdate([ann.doc.clientID, clock + 6, null])));
    const direct = await openRawNotepad(server.url, harvest, olga.token);
    direct.send(awarenessMessage(awarenessUpdate([ann.doc.clientID, clock + 7, { user: { name: 'Forged' } }])));
    await forger.roundTrip();
    await direct.roundTrip();

    await handled(ann, watcher, 'after-the-forgery');
    expect(stateOf(watcher, ann)?.user?.name).toBe('Ann Real');
  });

  it('NOTE15 an awareness message past the cap closes that connection with 4413 and reaches nobody', async () => {
    const { created, olga, harvest } = sessions.get('named')!;
    const watcher = await openNotepad(server.url, harvest, created.facilitatorToken);
    const loud = await openRawNotepad(server.url, harvest, olga.token);
    loud.send(awarenessMessage(awarenessUpdate([888_001, 1, { user: { name: 'Olga' }, cursor: 'x'.repeat(64 * 1024) }])));
    expect(await loud.roundTrip()).toBe(false);
    expect(await loud.closed).toMatchObject({ code: 4413 });
    // Another person's caret goes through the server after it: anything relayed would be here by now.
    await handled(await openNotepad(server.url, harvest, olga.token), watcher, 'after-the-oversize-message');
    expect(watcher.provider.awareness.getStates().has(888_001)).toBe(false);
  });

  for (const [attribution, shown] of [
    ['named', 'Ann Real'],
    ['group', 'Academia'],
    ['anonymous', 'Someone'],
  ] as const) {
    it(`NOTE15 under ${attribution} attribution a caret carries ${shown}, whatever the client sends; other fields are dropped`, async () => {
      const { created, ann: annJoined, harvest } = sessions.get(attribution)!;
      const watcher = await openNotepad(server.url, harvest, created.facilitatorToken);
      const ann = await openNotepad(server.url, harvest, annJoined.token);
      ann.provider.awareness.setLocalState({ user: { name: 'Mallory Real', color: '#112233', group: 'academia' }, email: 'ann@example.org' });
      await untilPresence(watcher, ann, (s) => s.user?.color === '#112233', 'Ann’s caret');
      expect(stateOf(watcher, ann)).toEqual({ user: { name: shown, color: '#112233' } });
    });
  }

  it('NOTE15 a client’s own words for its group or for “someone”, in any of the six languages, are kept', async () => {
    for (const [attribution, name] of [
      ['group', 'Milieu universitaire'],
      ['anonymous', 'Quelqu’un'],
    ] as const) {
      const { created, ann: annJoined, harvest } = sessions.get(attribution)!;
      const watcher = await openNotepad(server.url, harvest, created.facilitatorToken);
      const ann = await openNotepad(server.url, harvest, annJoined.token);
      ann.provider.awareness.setLocalStateField('user', { name, color: '#445566' });
      await untilPresence(watcher, ann, (s) => s.user?.color === '#445566', 'Ann’s caret');
      expect(stateOf(watcher, ann)?.user?.name).toBe(name);
    }
  });
});
