import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Attribution, SessionRecordDocument } from '../../shared/src/index.js';
import { parseCsv } from '../helpers/csv.js';
import { command } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, serversPerTest, type TownHall } from '../helpers/townhall.js';

// HUB40, HUB41 (docs/hubs.md, docs/record.md): a Town Hall with hubs exported in every format
// through the real server, on SQLite and PostgreSQL: which hubs took part, and the hub's credit on
// its question and its floor turn, as each attribution allows.

const targets = await storageTargets();

const HUBS = [
  { name: 'Nairobi Hubhouse', place: 'iHub Kilimani', headcount: 25, groups: ['civil-society' as const, 'academia' as const] },
  { name: 'Lima Hubhouse', place: 'Biblioteca Miraflores', headcount: 38, groups: ['government' as const, 'academia' as const] },
  { name: 'Dakar Hubhouse', place: 'UCAD Fann', headcount: 12, groups: ['academia' as const] },
];
const SECRET_WORDS = ['Hubhouse', 'iHub Kilimani', 'Miraflores', 'UCAD', 'Wanjiru'];

async function exported(th: TownHall, format: string): Promise<string> {
  const response = await fetch(`${th.url}/api/sessions/${th.created.session.id}/export?format=${format}&lang=en`, {
    headers: { authorization: `Bearer ${th.created.facilitatorToken}` },
  });
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  return format === 'docx' ? (await mammoth.extractRawText({ buffer: body })).value : body.toString('utf8');
}

/** Three hubs and one person; Nairobi asks a question and has the floor. */
async function hubTownHall(url: string, attribution: Attribution): Promise<TownHall> {
  const th = await openTownHall(url, { attribution, title: `Hubs ${attribution}` });
  const hubs = [];
  for (const [i, hub] of HUBS.entries()) {
    hubs.push(await member(th, { displayName: i === 0 ? 'Wanjiru' : `Coordinator ${i}`, stakeholderGroup: hub.groups[0], mode: 'remote', role: 'hub', hub }));
  }
  await member(th, { displayName: 'Ama', stakeholderGroup: 'academia', mode: 'in-room' });
  const nairobi = hubs[0]!;
  expect((await command(nairobi.socket, 'qa:ask', { text: 'How will hubs be heard?' })).ok).toBe(true);
  expect((await command(nairobi.socket, 'hand:raise', { topic: 'Hubs' })).ok).toBe(true);
  expect((await command(th.facilitator.socket, 'hand:give-floor', {})).ok).toBe(true);
  expect((await command(th.facilitator.socket, 'hand:end-floor', {})).ok).toBe(true);
  return th;
}

describe.each(targets)('hubs in the exported record on $kind', ({ kind, skip }) => {
  const { start } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('HUB40 HUB41 named: every format names the hubs and credits the question and the turn to Nairobi', { timeout: 90_000 }, async () => {
    const { url } = await start();
    const th = await hubTownHall(url, 'named');
    const record = JSON.parse(await exported(th, 'json')) as SessionRecordDocument;
    expect(record.hubs).toEqual({ count: 3, people: 75, list: HUBS.map((h) => ({ ...h, groups: [...h.groups] })) });
    const hub = { name: 'Nairobi Hubhouse', place: 'iHub Kilimani', headcount: 25 };
    expect(record.townhall?.questions.find((q) => q.text === 'How will hubs be heard?')?.credit).toEqual({ name: 'Wanjiru', group: 'civil-society', hub });
    expect(record.townhall?.speakers.find((s) => s.topic === 'Hubs')?.credit).toEqual({ name: 'Wanjiru', group: 'civil-society', hub });
    expect(record.attendance.total).toBe(1); // HUB11: hubs apart from participants
    const credit = 'Wanjiru (Civil society), hub Nairobi Hubhouse, iHub Kilimani: 25 present';
    const md = await exported(th, 'md');
    for (const expected of ['## Hubs', 'Hubs that took part: 3. People present through them: 75.', '| Nairobi Hubhouse | iHub Kilimani | 25 | Civil society, Academia |', credit]) {
      expect(md).toContain(expected);
    }
    expect(md).toContain('| hub Nairobi Hubhouse, iHub Kilimani: 25 present |'); // the annex's hub column
    const html = await exported(th, 'html');
    expect(html).toContain('Nairobi Hubhouse');
    expect(html).toContain(credit);
    expect(await exported(th, 'docx')).toContain(credit);
    const rows = parseCsv((await exported(th, 'csv')).slice(1));
    const head = rows[0]!;
    const asked = rows.find((row) => row[5] === 'How will hubs be heard?')!;
    expect([asked[head.indexOf('hub')], asked[head.indexOf('hub_place')], asked[head.indexOf('hub_headcount')]]).toEqual(['Nairobi Hubhouse', 'iHub Kilimani', '25']);
  });

  it.skipIf(Boolean(skip))('HUB40 HUB41 group: counts and the groups 3 hubs named; the headcount beside the group; no hub named', { timeout: 90_000 }, async () => {
    const { url } = await start();
    const th = await hubTownHall(url, 'group');
    const json = await exported(th, 'json');
    const record = JSON.parse(json) as SessionRecordDocument;
    expect(record.hubs).toEqual({ count: 3, people: 75, byGroup: { academia: 3 } });
    expect(record.townhall?.questions.find((q) => q.text === 'How will hubs be heard?')?.credit).toEqual({
      name: null,
      group: 'civil-society',
      hub: { name: null, place: null, headcount: 25 },
    });
    const md = await exported(th, 'md');
    expect(md).toContain('| Academia | 3 |');
    expect(md).toContain('Civil society, a hub: 25 present');
    const rows = parseCsv((await exported(th, 'csv')).slice(1));
    const head = rows[0]!;
    const asked = rows.find((row) => row[5] === 'How will hubs be heard?')!;
    expect([asked[head.indexOf('hub')], asked[head.indexOf('hub_place')], asked[head.indexOf('hub_headcount')]]).toEqual(['', '', '25']);
    for (const text of [json, md, await exported(th, 'html'), await exported(th, 'docx'), rows.flat().join('\n')]) {
      for (const word of SECRET_WORDS) expect(text).not.toContain(word);
    }
  });

  it.skipIf(Boolean(skip))('HUB40 HUB41 anonymous: only how many hubs and people; nothing ties the question or the turn to a hub', { timeout: 90_000 }, async () => {
    const { url } = await start();
    const th = await hubTownHall(url, 'anonymous');
    const json = await exported(th, 'json');
    const record = JSON.parse(json) as SessionRecordDocument;
    expect(record.hubs).toEqual({ count: 3, people: 75 });
    expect(record.townhall?.questions.find((q) => q.text === 'How will hubs be heard?')?.credit).toEqual({ name: null, group: null });
    expect(record.townhall?.speakers.find((s) => s.topic === 'Hubs')).toMatchObject({ credit: { name: null, group: null }, mode: null });
    const md = await exported(th, 'md');
    expect(md).toContain('Hubs that took part: 3. People present through them: 75.');
    expect(md).not.toContain('present |');
    expect(md).not.toContain('a hub:');
    const rows = parseCsv((await exported(th, 'csv')).slice(1));
    const head = rows[0]!;
    for (const row of rows.slice(1)) expect(row[head.indexOf('hub_headcount')]).toBe('');
    for (const text of [json, md, await exported(th, 'html'), await exported(th, 'docx'), rows.flat().join('\n')]) {
      for (const word of SECRET_WORDS) expect(text).not.toContain(word);
    }
  });
});
