import { NOTEPAD_IDEAS, type KeyIdea } from '@open-talks/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readNotepad } from '../../server/src/notepad/read.js';
import { TableIdeas } from '../../server/src/notepad/table-ideas.js';

// The guard that keeps a table notepad's key ideas the server's (docs/notepads.md, IDEA3), on
// plain Y.Docs: whatever a client's update does to `ideas`, the server's list comes back.

const idea = (id: string, text: string, extra: Partial<KeyIdea> = {}): KeyIdea => ({
  id,
  text,
  author: 'Ann',
  group: 'academia',
  round: 1,
  tableId: 'A',
  createdAt: 1,
  marked: false,
  language: null,
  ...extra,
});

const CONNECTION = Symbol('a connection');

/** A client's copy of the server's document. */
function clientOf(server: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return client;
}

/** Sends what the client has that the server lacks, as a connection would. */
function send(client: Y.Doc, server: Y.Doc): void {
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), CONNECTION);
}

/** The raw entries of the array: each must be a Y.Map with exactly the idea's fields, as plain values. */
function raw(doc: Y.Doc): unknown[] {
  return doc
    .getArray<unknown>(NOTEPAD_IDEAS)
    .toArray()
    .map((item) => (item instanceof Y.Map ? Object.fromEntries([...item.entries()].map(([k, v]) => [k, v instanceof Y.AbstractType ? 'NESTED' : v])) : 'NOT A MAP'));
}

type Hostile =
  | { kind: 'add'; id: string; author: string }
  | { kind: 'set'; index: number; field: string; value: string | number | boolean | null }
  | { kind: 'nest'; index: number }
  | { kind: 'delete'; index: number }
  | { kind: 'move'; index: number; to: number }
  | { kind: 'junk'; index: number };

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom('a', 'b', 'new', 'x'), author: fc.constantFrom('Facilitator Fay', 'Bob') }),
  fc.record({
    kind: fc.constant('set' as const),
    index: fc.nat(4),
    field: fc.constantFrom('author', 'group', 'marked', 'text', 'id', 'extra'),
    value: fc.oneof(fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null), fc.integer()),
  }),
  fc.record({ kind: fc.constant('nest' as const), index: fc.nat(4) }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat(4) }),
  fc.record({ kind: fc.constant('move' as const), index: fc.nat(4), to: fc.nat(4) }),
  fc.record({ kind: fc.constant('junk' as const), index: fc.nat(4) }),
);

function apply(doc: Y.Doc, op: Hostile): void {
  const array = doc.getArray<unknown>(NOTEPAD_IDEAS);
  const at = (index: number) => Math.min(index, Math.max(0, array.length - 1));
  const mapAt = (index: number) => (array.length > 0 ? array.get(at(index)) : undefined);
  switch (op.kind) {
    case 'add':
      array.push([new Y.Map<unknown>(Object.entries({ ...idea(op.id, 'Forged'), author: op.author, marked: true }))]);
      return;
    case 'set': {
      const map = mapAt(op.index);
      if (map instanceof Y.Map) map.set(op.field, op.value);
      return;
    }
    case 'nest': {
      const map = mapAt(op.index);
      if (map instanceof Y.Map) map.set('text', new Y.Text(String(map.get('text'))));
      return;
    }
    case 'delete':
      if (array.length > 0) array.delete(at(op.index), 1);
      return;
    case 'move': {
      const map = mapAt(op.index);
      if (!(map instanceof Y.Map)) return;
      const copy = new Y.Map<unknown>(Object.entries(map.toJSON()));
      array.delete(at(op.index), 1);
      array.insert(Math.min(op.to, array.length), [copy]);
      return;
    }
    case 'junk':
      array.insert(Math.min(op.index, array.length), ['not an idea']);
      return;
    default:
      throw new Error(`unknown op ${JSON.stringify(op satisfies never)}`);
  }
}

describe('table ideas guard', () => {
  it('IDEA3 whatever a client does to the ideas, in any number of updates, the server’s list comes back, clean, at the server and at the client', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostile, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (updates) => {
        const server = new Y.Doc();
        const table = TableIdeas.guard(server);
        table.write([idea('a', 'First'), idea('b', 'Second', { marked: true }), idea('c', 'Third', { author: 'Bob' })]);
        const truth = structuredClone(table.list());
        const client = clientOf(server);
        for (const ops of updates) {
          client.transact(() => ops.forEach((op) => apply(client, op)));
          send(client, server);
          Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
        }
        expect(readNotepad(server).ideas).toEqual(truth);
        expect(raw(server)).toEqual(truth);
        expect(raw(client)).toEqual(truth);
      }),
      { numRuns: 300 },
    );
  });

  it('IDEA3 a change that waited for a missing struct and landed inside another connection’s update is put back too', () => {
    const server = new Y.Doc();
    const table = TableIdeas.guard(server);
    table.write([idea('a', 'First')]);
    const first = clientOf(server);
    const second = clientOf(server);
    // `first` types a note it has not sent yet; `second` receives it (another tab, say) and
    // then forges an author in an update that depends on it.
    first.getText('notes').insert(0, 'Hello');
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    const before = Y.encodeStateVector(second);
    second.transact(() => {
      second.getText('notes').insert(5, '!');
      second.getArray<Y.Map<unknown>>(NOTEPAD_IDEAS).get(0).set('author', 'Facilitator Fay');
      second.getArray(NOTEPAD_IDEAS).push([new Y.Map<unknown>(Object.entries(idea('z', 'Forged', { author: 'Facilitator Fay' })))]);
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(second, before), 'second'); // waits: `first`'s note is missing
    expect(server.getText('notes').toString()).toBe('');
    send(first, server); // lands both, in `first`'s transaction
    expect(server.getText('notes').toString()).toBe('Hello!');
    expect(readNotepad(server).ideas).toEqual([idea('a', 'First')]);
  });

  it('IDEA1 the server’s own writes add, edit, reorder and drop and are not put back', () => {
    const server = new Y.Doc();
    const table = TableIdeas.guard(server);
    table.write([idea('a', 'First'), idea('b', 'Second')]);
    table.write([idea('b', 'Second'), idea('a', 'First, edited', { marked: true }), idea('c', 'Third')]);
    expect(readNotepad(server).ideas.map((i) => [i.id, i.text, i.marked])).toEqual([
      ['b', 'Second', false],
      ['a', 'First, edited', true],
      ['c', 'Third', false],
    ]);
    table.write([idea('b', 'Second')]);
    expect(readNotepad(server).ideas.map((i) => i.id)).toEqual(['b']);
  });
});
