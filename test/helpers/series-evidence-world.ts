// A series of three sessions for the evidence tests (SER60–SER79): a café with a harvest theme, a
// Town Hall with questions (one merged), a poll and an anonymous question-asker's session, and a
// consultation with contributions and a response. Sessions are linked to the series through the
// store (`store.series.addSession`) until the core part's POST /api/series/:id/sessions lands.
import * as Y from 'yjs';
import { createSeries, http, join, type CreatedSeries } from './api.js';
import { consultationWorld, type ConsultationWorld } from './consultation-world.js';
import { cafeWorld, ideasAt, openNotepad, until, type CafeWorld, type NotepadClient } from './notepad.js';
import type { TestServer } from './server.js';
import { member, openTownHall, type TownHall } from './townhall.js';

export interface EvidenceWorld {
  series: CreatedSeries;
  token: string;
  cafe: CafeWorld;
  harvest: NotepadClient;
  townhall: TownHall;
  questions: { audit: string; duplicate: string; small: string };
  anonymous: TownHall;
  consultation: ConsultationWorld;
}

export async function ok(result: Promise<{ status: number; body: any }>, what: string): Promise<any> {
  const r = await result;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function ask(th: TownHall, token: string, text: string): Promise<string> {
  const body = await ok(http(th.url, 'POST', `${th.base}/questions`, { token, body: { text } }), 'ask');
  const id = body.question.id as string;
  if (body.question.status === 'pending') await ok(http(th.url, 'POST', `${th.base}/questions/${id}/approve`, { token: th.created.facilitatorToken, body: {} }), 'approve');
  return id;
}

export async function evidenceWorld(server: TestServer): Promise<EvidenceWorld> {
  const series = await createSeries(server.url, { attribution: 'named', languages: ['en', 'fr'] });
  const link = (sessionId: string) => server.store.series.addSession(series.series.id, sessionId, Date.now());

  const cafe = await cafeWorld(server.url, server.store);
  const ideas = ideasAt(server.url, cafe, cafe.tableA, 1);
  await ideas.add(cafe.ann.token, 'i1', 'Open data by default');
  await ideas.mark(cafe.ann.token, 'i1', true);
  const harvest = await openNotepad(server.url, `session/${cafe.sessionId}/harvest`, cafe.created.facilitatorToken);
  harvest.doc.transact(() => {
    for (const [id, name] of [
      ['th1', 'Openness'],
      ['th2', 'Skills'],
    ]) {
      const theme = new Y.Map<unknown>();
      harvest.doc.getArray('themes').push([theme]);
      theme.set('id', id);
      theme.set('name', name);
    }
    harvest.doc.getMap('placement').set(`${cafe.tableA}/1/i1`, 'th1');
  });
  const reader = await openNotepad(server.url, `session/${cafe.sessionId}/harvest`, cafe.created.facilitatorToken);
  await until(reader.doc, () => reader.doc.getMap('placement').size === 1 && reader.doc.getMap('ideas').size >= 1, 'the harvest at the server');

  const townhall = await openTownHall(server.url, { attribution: 'named', title: 'Town Hall on data' });
  const amira = await member(townhall, { displayName: 'Amira Named', stakeholderGroup: 'civil-society' });
  const boris = await member(townhall, { displayName: 'Boris Named', stakeholderGroup: 'government' });
  const audit = await ask(townhall, amira.joined.token, 'Who audits the algorithms?');
  const duplicate = await ask(townhall, boris.joined.token, 'Same: who audits?');
  const small = await ask(townhall, boris.joined.token, 'What about small states?');
  const poll = await ok(
    http(townhall.url, 'POST', `${townhall.base}/polls`, {
      token: townhall.created.facilitatorToken,
      body: { kind: 'single', question: 'Which first?', options: ['Access', 'Skills'] },
    }),
    'poll',
  );
  await ok(http(townhall.url, 'POST', `${townhall.base}/polls/${poll.poll.poll.id}/open`, { token: townhall.created.facilitatorToken, body: {} }), 'open poll');

  const anonymous = await openTownHall(server.url, { attribution: 'anonymous', title: 'Closed-door hall' });
  const secret = await join(server.url, anonymous.created.session.joinCode, { displayName: 'Secret Sayer', stakeholderGroup: 'government' });
  await ask(anonymous, secret.token, 'A question under Chatham House');

  const consultation = await consultationWorld(server, 'named');
  for (const id of [cafe.sessionId, townhall.created.session.id, anonymous.created.session.id, consultation.sessionId]) await link(id);
  return { series, token: series.facilitatorToken, cafe, harvest, townhall, questions: { audit, duplicate, small }, anonymous, consultation };
}
