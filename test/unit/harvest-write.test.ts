import { HARVEST_IDEAS, HARVEST_ORDER, HARVEST_PLACEMENT, type KeyIdea } from '@open-talks/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guardHarvestIdeas, mirrorTableIdeas } from '../../server/src/notepad/harvest-write.js';
import { readHarvest } from '../../server/src/notepad/read.js';

// The server's writes into the harvest document (docs/notepads.md, HARV1–HARV3), on plain Y.Docs.

const room = (tableId: string, round: number) => ({ kind: 'table' as const, sessionId: 's', tableId, round });
const idea = (id: string, text: string, extra: Partial<KeyIdea> = {}): KeyIdea => ({
  id,
  text,
  author: null,
  group: 'academia',
  round: 1,
  tableId: 'A',
  createdAt: 1,
  marked: false,
  language: null,
  ...extra,
});

describe('harvest writes', () => {
  it('HARV1 mirrors every idea of a table, marked or not, keyed by table and round from the room', () => {
    const doc = new Y.Doc();
    // A client wrote another table and round into its idea: the room decides.
    mirrorTableIdeas(doc, room('A', 1), [idea('x', 'Trust', { marked: true }), idea('y', 'Access', { tableId: 'B', round: 9 })]);
    mirrorTableIdeas(doc, room('B', 1), [idea('z', 'Other table')]);
    const { ideas } = readHarvest(doc);
    expect(ideas.map((i) => [i.key, i.text, i.marked, i.tableId, i.round])).toEqual([
      ['A/1/x', 'Trust', true, 'A', 1],
      ['A/1/y', 'Access', false, 'A', 1],
      ['B/1/z', 'Other table', false, 'B', 1],
    ]);
  });

  it('HARV2 BOARD1 an idea dropped at a table leaves the harvest with its placement and position; other tables are untouched', () => {
    const doc = new Y.Doc();
    mirrorTableIdeas(doc, room('A', 1), [idea('x', 'Trust'), idea('y', 'Access')]);
    mirrorTableIdeas(doc, room('A', 12), [idea('x', 'Round twelve')]);
    doc.getMap(HARVEST_PLACEMENT).set('A/1/x', 't1');
    doc.getMap(HARVEST_ORDER).set('A/1/x', 2);
    doc.getMap(HARVEST_ORDER).set('A/12/x', 1);
    mirrorTableIdeas(doc, room('A', 1), [idea('y', 'Access, edited')]);
    const harvest = readHarvest(doc);
    expect(harvest.ideas.map((i) => [i.key, i.text])).toEqual([
      ['A/1/y', 'Access, edited'],
      ['A/12/x', 'Round twelve'],
    ]);
    expect(harvest.placement.has('A/1/x')).toBe(false);
    expect(harvest.order).toEqual(new Map([['A/12/x', 1]]));
  });

  it('HARV1 mirroring an unchanged table makes no update', () => {
    const doc = new Y.Doc();
    mirrorTableIdeas(doc, room('A', 1), [idea('x', 'Trust')]);
    let updates = 0;
    doc.on('update', () => updates++);
    mirrorTableIdeas(doc, room('A', 1), [idea('x', 'Trust')]);
    expect(updates).toBe(0);
  });

  it('HARV3 a writer’s change to the mirrored ideas is put back, and the peer sees it undone', () => {
    const server = new Y.Doc();
    guardHarvestIdeas(server);
    mirrorTableIdeas(server, room('A', 1), [idea('x', 'Trust')]);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
    server.on('update', (update: Uint8Array, origin: unknown) => origin !== 'writer' && Y.applyUpdate(writer, update, 'server'));
    writer.on('update', (update: Uint8Array, origin: unknown) => origin !== 'server' && Y.applyUpdate(server, update, 'writer'));

    const ideas = writer.getMap<unknown>(HARVEST_IDEAS);
    ideas.set('A/1/x', { ...idea('x', 'Forged'), marked: true });
    ideas.set('Z/1/new', idea('new', 'Invented'));
    expect(readHarvest(server).ideas.map((i) => [i.key, i.text, i.marked])).toEqual([['A/1/x', 'Trust', false]]);
    expect(readHarvest(writer).ideas.map((i) => [i.key, i.text])).toEqual([['A/1/x', 'Trust']]);
    ideas.delete('A/1/x');
    expect(readHarvest(writer).ideas.map((i) => i.key)).toEqual(['A/1/x']);
  });

  it('HARV1 cuts an idea to the key idea length and skips ids that are not ids', () => {
    const doc = new Y.Doc();
    mirrorTableIdeas(doc, room('A', 1), [idea('x', 'a'.repeat(1000)), idea('', 'no id'), idea('i'.repeat(500), 'long id')]);
    const { ideas } = readHarvest(doc);
    expect(ideas).toHaveLength(1);
    expect(ideas[0]!.text).toHaveLength(280);
  });
});
