import { HARVEST_PLACEMENT, HARVEST_THEMES, notepadRoomName } from '@open-talks/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { http } from '../helpers/api.js';
import { cafeWorld, closeAllNotepads, handled, ideasAt, openNotepad, type CafeWorld } from '../helpers/notepad.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect } from '../helpers/socket.js';

// Theme suggestions through the real server (docs/notepads.md, THEME9–THEME11).

const WATER = ['Clean drinking water for every village', 'Repair the broken water pumps in the villages', 'Village wells give dirty drinking water'];
const BUSES = ['More night buses for shift workers', 'Night buses and cheaper bus fares', 'Buses at night should run every hour'];

describe('theme suggestions', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    closeAllNotepads();
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
  });

  async function seeded(attribution: 'named' | 'anonymous' = 'named'): Promise<{ server: TestServer; world: CafeWorld; keys: { water: string[]; buses: string[] } }> {
    const server = await startTestServer({ database: await createTestDatabase('sqlite') });
    servers.push(server);
    const world = await cafeWorld(server.url, server.store, { attribution });
    const tableA = ideasAt(server.url, world, world.tableA, 1);
    const tableB = ideasAt(server.url, world, world.tableB, 1);
    const keys = { water: [] as string[], buses: [] as string[] };
    for (const [i, text] of WATER.entries()) {
      await tableA.add(world.ann.token, `w${i}`, text);
      keys.water.push(`${world.tableA}/1/w${i}`);
    }
    for (const [i, text] of BUSES.entries()) {
      await tableB.add(world.cem.token, `b${i}`, text);
      keys.buses.push(`${world.tableB}/1/b${i}`);
    }
    await tableB.add(world.cem.token, 'odd', 'Free coding classes for girls');
    // The harvest holds the seven ideas (readHarvest waits for pending mirrors).
    expect((await server.notepads.readHarvest(world.sessionId)).ideas).toHaveLength(7);
    return { server, world, keys };
  }

  it('THEME9: the facilitator gets themes for the unthemed ideas, and nothing is written', async () => {
    const { server, world, keys } = await seeded();
    const { socket } = await connect(server.url, world.created.facilitatorToken);
    const ack = await command(socket, 'harvest:suggest-themes', {});
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    expect(ack.considered).toBe(7);
    const partition = ack.themes.map((theme) => [...theme.ideaKeys].sort());
    expect(partition).toContainEqual([...keys.water].sort());
    expect(partition).toContainEqual([...keys.buses].sort());
    const water = ack.themes.find((theme) => theme.ideaKeys.includes(keys.water[0]!))!;
    expect(water.terms).toContain('water');
    expect(water.name).toMatch(/water/);
    expect(water.language).toBe('en');
    const stored = await server.notepads.readHarvest(world.sessionId);
    expect(stored.themes).toEqual([]);
    expect(stored.placement.size).toBe(0);
  });

  it('THEME9: ideas already in a theme are left out; the same over HTTP', async () => {
    const { server, world, keys } = await seeded();
    const harvestRoom = notepadRoomName({ kind: 'harvest', sessionId: world.sessionId });
    const board = await openNotepad(server.url, harvestRoom, world.created.facilitatorToken);
    const witness = await openNotepad(server.url, harvestRoom, world.olga.token);
    const theme = new Y.Map<unknown>();
    board.doc.transact(() => {
      board.doc.getArray(HARVEST_THEMES).push([theme]);
      theme.set('id', 'water');
      theme.set('name', 'Water');
      for (const key of keys.water) board.doc.getMap(HARVEST_PLACEMENT).set(key, 'water');
    });
    await handled(board, witness, 'placed');
    const answer = await http(server.url, 'POST', `/api/sessions/${world.sessionId}/harvest/theme-suggestions`, { token: world.created.facilitatorToken, body: {} });
    expect(answer.status).toBe(200);
    expect(answer.body.considered).toBe(4);
    const suggested = (answer.body.themes as { ideaKeys: string[] }[]).flatMap((t) => t.ideaKeys);
    expect(suggested.some((key) => keys.water.includes(key))).toBe(false);
    expect([...suggested].sort()).toEqual([...keys.buses].sort());
  });

  it('THEME9: a participant and an observer are refused; bad input is refused', async () => {
    const { server, world } = await seeded();
    const { socket: ann } = await connect(server.url, world.ann.token);
    expect(await command(ann, 'harvest:suggest-themes', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { socket: olga } = await connect(server.url, world.olga.token);
    expect(await command(olga, 'harvest:suggest-themes', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { socket: facilitator } = await connect(server.url, world.created.facilitatorToken);
    expect(await command(facilitator, 'harvest:suggest-themes', { sessionId: 'other' } as never)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await command(facilitator, 'harvest:suggest-themes', 'all' as never)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const refused = await http(server.url, 'POST', `/api/sessions/${world.sessionId}/harvest/theme-suggestions`, { token: world.ann.token, body: {} });
    expect(refused.status).toBe(403);
  });

  it('THEME10: under anonymous attribution the ack carries words and keys only', async () => {
    const { server, world } = await seeded('anonymous');
    const { socket } = await connect(server.url, world.created.facilitatorToken);
    const ack = await command(socket, 'harvest:suggest-themes', {});
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    expect(ack.themes.length).toBeGreaterThanOrEqual(2);
    for (const theme of ack.themes) expect(Object.keys(theme).sort()).toEqual(['ideaKeys', 'language', 'name', 'terms']);
    const text = JSON.stringify(ack);
    for (const word of ['Ann', 'Cem', 'academia']) expect(text).not.toContain(word);
  });

  it('THEME9: a person may ask a few times a minute, then is told to wait', async () => {
    const { server, world } = await seeded();
    const { socket } = await connect(server.url, world.created.facilitatorToken);
    for (let i = 0; i < 6; i++) expect(await command(socket, 'harvest:suggest-themes', {})).toMatchObject({ ok: true });
    expect(await command(socket, 'harvest:suggest-themes', {})).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
