import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, SESSION_ACTIONS, can, type SessionAction as Action, type Role } from '../../shared/src/index.js';
import {
  COMMANDS,
  type CommandName,
  type ConsultationLive,
  type CreateSessionBody,
  type ParticipantView,
  type QuestionItem,
  type TownhallLive,
} from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created, type HttpResult } from '../helpers/api.js';
import { serverForFile, startTestServer } from '../helpers/server.js';
import { command, connect } from '../helpers/socket.js';
import { fakeLibreTranslate, type FakeLibreTranslate } from '../helpers/fake-libretranslate.js';

// PERM1: every action in the permission table, tried by every role (and by the projector
// display, which must read as an observer), over Socket.IO and over HTTP. Allowed iff can().

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Actor = Role | 'display';

const ACTORS: readonly Actor[] = [...ROLES, 'display'];
const roleOf = (actor: Actor): Role => (actor === 'display' ? 'observer' : actor);

/** The actor, a fresh person to act on, and the session they are in. */
interface Scene {
  created: Created;
  token: string;
  target: ParticipantView;
  /** Key idea scenes (IDEA1, IDEA2): round 1 running at the café's one table, which holds one idea. */
  notepad?: { tableId: string };
  /** Town Hall scenes: the target's question, a draft poll and an open poll. */
  townhall?: { questionId: string; draftPollId: string; openPollId: string; ownQuestionId?: string };
  /** Consultation scenes: contributions open on one question; the target's published contribution. */
  consultation?: { questionId: string; contributionId: string; targetToken: string };
}

const TOWNHALL_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'qa:ask',
  'qa:vote',
  'qa:moderate',
  'hand:raise',
  'hand:manage',
  'poll:manage',
  'poll:vote',
  'caption:write',
  'agenda:manage',
  'townhall:configure',
  // MT12: a contribution's language is corrected by its author (or staff): the actor's own question.
  'content:retag',
]);
const th = (s: Scene) => s.townhall!;
const CONSULTATION_ACTIONS: ReadonlySet<Action> = new Set<Action>(['consultation:configure', 'consultation:contribute', 'consultation:moderate', 'consultation:respond']);
const cs = (s: Scene) => s.consultation!;
const csBase = (s: Scene) => `/api/sessions/${s.created.session.id}/consultation`;
const CONTRIBUTION = { title: 'Open data by default', text: 'Publish what the public pays for.' };
const RESPONSE = { status: 'taken-up', text: 'We take this up in section 3.' } as const;
const NOTEPAD_ACTIONS: ReadonlySet<Action> = new Set<Action>(['notepad:add-idea', 'notepad:curate-ideas', 'notepad:set-language']);
const SCENE_IDEA = { id: 'scene-idea', text: 'Listen first' };
const ADDED_IDEA = { id: 'perm-idea', text: 'Open data by default' };
const ideasPath = (s: Scene) => `/api/sessions/${s.created.session.id}/cafe/tables/${s.notepad!.tableId}/rounds/1/ideas`;

/** What the facilitator can see of the session: used to show that a refused action changed nothing. */
async function snapshot(url: string, scene: Scene): Promise<unknown> {
  const { created } = scene;
  const people = await http<{ participants: ParticipantView[] }>(url, 'GET', `/api/sessions/${created.session.id}/participants`, { token: created.facilitatorToken });
  const projector = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.projectorKey });
  const cafe = await http(url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken });
  const townhall = await http(url, 'GET', `/api/sessions/${created.session.id}/townhall`, { token: created.facilitatorToken });
  const ideas = scene.notepad ? (await server.notepads.readRoom(`session/${created.session.id}/table/${scene.notepad.tableId}/round/1`)).ideas : null;
  const publication = await http(url, 'GET', `/api/sessions/${created.session.id}/publication`, { token: created.facilitatorToken });
  const consultation = scene.consultation
    ? [created.facilitatorToken, scene.consultation.targetToken].map(
        async (token) => (await http(url, 'GET', `/api/sessions/${created.session.id}`, { token })).body.consultation as unknown,
      )
    : [];
  return {
    people: people.body.participants,
    projectorStatus: projector.status,
    cafe: cafe.body,
    townhall: townhall.body,
    publication: publication.body,
    ideas,
    consultation: await Promise.all(consultation),
  };
}

const QUESTION = 'How will remote hubs be heard?';
/** The `hub` actor's registration (docs/hubs.md). */
const HUB = { name: 'Nairobi hub', place: 'iHub, Nairobi', headcount: 25, groups: ['civil-society' as const, 'academia' as const] };
const CAPTION = 'Welcome to the Town Hall';
const AGENDA_ITEM = { title: 'Opening remarks', durationMinutes: 5 };

const PROMPT = 'Five minutes left: note your key ideas';
const CHANGED_ROUNDS = [{ question: 'What should change?', durationMinutes: 15 }];

// One command per action, with a valid payload. Typed over Action, so a new action
// without a command here fails the type check; the test below checks COMMANDS agrees.
const SOCKET_CALLS: Record<Action, { command: CommandName; payload: (scene: Scene) => object }> = {
  'session:view': { command: 'session:sync', payload: () => ({}) },
  'participants:list': { command: 'participant:list', payload: () => ({}) },
  'participant:set-role': { command: 'participant:set-role', payload: (s) => ({ participantId: s.target.id, role: 'host' }) },
  'participant:remove': { command: 'participant:remove', payload: (s) => ({ participantId: s.target.id }) },
  'profile:update': { command: 'profile:update', payload: () => ({ language: 'fr', mode: 'remote' }) },
  'session:configure': { command: 'session:configure', payload: () => ({ observerNotes: false }) },
  'projector:rotate-key': { command: 'projector:rotate-key', payload: () => ({}) },
  'projector:show': { command: 'projector:show', payload: () => ({ view: 'join' }) },
  'cafe:view-setup': { command: 'cafe:get', payload: () => ({}) },
  'cafe:configure': { command: 'cafe:set-rounds', payload: () => ({ rounds: CHANGED_ROUNDS }) },
  'cafe:plan': { command: 'cafe:plan', payload: () => ({ seed: 7 }) },
  'cafe:run': { command: 'cafe:start-round', payload: () => ({}) },
  'cafe:prompt': { command: 'cafe:prompt', payload: () => ({ text: PROMPT }) },
  'notepad:add-idea': { command: 'notepad:add-idea', payload: (s) => ({ tableId: s.notepad!.tableId, round: 1, ...ADDED_IDEA }) },
  'notepad:curate-ideas': { command: 'notepad:mark-idea', payload: (s) => ({ tableId: s.notepad!.tableId, round: 1, ideaId: SCENE_IDEA.id, marked: true }) },
  'notepad:set-language': { command: 'notepad:set-language', payload: (s) => ({ tableId: s.notepad!.tableId, round: 1, language: 'ar' }) },
  'qa:ask': { command: 'qa:ask', payload: () => ({ text: QUESTION }) },
  'qa:vote': { command: 'qa:vote', payload: (s) => ({ questionId: th(s).questionId, up: true }) },
  'qa:moderate': { command: 'qa:pin', payload: (s) => ({ questionId: th(s).questionId }) },
  'hand:raise': { command: 'hand:raise', payload: () => ({ topic: 'Water' }) },
  'hand:manage': { command: 'hand:give-floor', payload: () => ({}) },
  'poll:manage': { command: 'poll:open', payload: (s) => ({ pollId: th(s).draftPollId }) },
  'poll:vote': { command: 'poll:vote', payload: (s) => ({ pollId: th(s).openPollId, choice: 'o1' }) },
  'caption:write': { command: 'caption:add', payload: () => ({ text: CAPTION }) },
  'agenda:manage': { command: 'agenda:add', payload: () => AGENDA_ITEM },
  'townhall:configure': { command: 'townhall:configure', payload: () => ({ moderation: 'pre' }) },
  'record:export': { command: 'record:get', payload: () => ({}) },
  'record:publish': { command: 'record:publish', payload: () => ({ published: true }) },
  'harvest:suggest-themes': { command: 'harvest:suggest-themes', payload: () => ({}) },
  'consultation:configure': { command: 'consultation:configure', payload: () => ({ moderation: 'pre' }) },
  'consultation:contribute': { command: 'contribution:submit', payload: (s) => ({ questionId: cs(s).questionId, ...CONTRIBUTION }) },
  'consultation:moderate': { command: 'contribution:hide', payload: (s) => ({ contributionId: cs(s).contributionId, reason: 'Off topic' }) },
  'consultation:respond': { command: 'response:write', payload: (s) => ({ contributionIds: [cs(s).contributionId], ...RESPONSE }) },
  // CONTRACT (issue 18): helpers "content", "mt" and "hubs" make these scenes and checks real.
  'content:translate': { command: 'content:set-version', payload: () => ({ key: 'cafe-round/1/question', language: 'fr', text: 'Pourquoi ?' }) },
  'content:machine-translate': { command: 'content:machine-translate', payload: () => ({ key: 'cafe-round/1/question', language: 'es' }) },
  'content:retag': { command: 'content:set-original-language', payload: (s) => ({ key: retagKey(s), language: 'fr' }) },
  'hub:update': { command: 'hub:update', payload: () => ({ headcount: 12 }) },
};

/** What an HTTP answer may carry: an error body, or the endpoint's own fields. */
type Answer = { error?: { code: string } } & Record<string, unknown>;

const HTTP_CALLS: Record<Action, (url: string, s: Scene) => Promise<HttpResult<Answer | null>>> = {
  'session:view': (url, s) => http(url, 'GET', `/api/sessions/${s.created.session.id}`, { token: s.token }),
  'participants:list': (url, s) => http(url, 'GET', `/api/sessions/${s.created.session.id}/participants`, { token: s.token }),
  'participant:set-role': (url, s) => http(url, 'PATCH', `/api/sessions/${s.created.session.id}/participants/${s.target.id}`, { token: s.token, body: { role: 'host' } }),
  'participant:remove': (url, s) => http(url, 'DELETE', `/api/sessions/${s.created.session.id}/participants/${s.target.id}`, { token: s.token }),
  'profile:update': (url, s) => http(url, 'PATCH', `/api/sessions/${s.created.session.id}/me`, { token: s.token, body: { language: 'fr', mode: 'remote' } }),
  'session:configure': (url, s) => http(url, 'PATCH', `/api/sessions/${s.created.session.id}`, { token: s.token, body: { observerNotes: false } }),
  'projector:rotate-key': (url, s) => http(url, 'POST', `/api/sessions/${s.created.session.id}/projector-key`, { token: s.token, body: {} }),
  'projector:show': (url, s) => http(url, 'PUT', `/api/sessions/${s.created.session.id}/projector`, { token: s.token, body: { view: 'join' } }),
  'cafe:view-setup': (url, s) => http(url, 'GET', `/api/sessions/${s.created.session.id}/cafe`, { token: s.token }),
  'cafe:configure': (url, s) => http(url, 'PUT', `/api/sessions/${s.created.session.id}/cafe/rounds`, { token: s.token, body: { rounds: CHANGED_ROUNDS } }),
  'cafe:plan': (url, s) => http(url, 'POST', `/api/sessions/${s.created.session.id}/cafe/plan`, { token: s.token, body: { seed: 7 } }),
  'cafe:run': (url, s) => http(url, 'POST', `/api/sessions/${s.created.session.id}/cafe/run/start`, { token: s.token, body: {} }),
  'cafe:prompt': (url, s) => http(url, 'POST', `/api/sessions/${s.created.session.id}/cafe/prompts`, { token: s.token, body: { text: PROMPT } }),
  'notepad:add-idea': (url, s) => http(url, 'POST', ideasPath(s), { token: s.token, body: ADDED_IDEA }),
  'notepad:curate-ideas': (url, s) => http(url, 'PUT', `${ideasPath(s)}/${SCENE_IDEA.id}/marked`, { token: s.token, body: { marked: true } }),
  'notepad:set-language': (url, s) => http(url, 'PUT', ideasPath(s).replace(/ideas$/, 'notes-language'), { token: s.token, body: { language: 'ar' } }),
  'qa:ask': (url, s) => http(url, 'POST', `${thBase(s)}/questions`, { token: s.token, body: { text: QUESTION } }),
  'qa:vote': (url, s) => http(url, 'POST', `${thBase(s)}/questions/${th(s).questionId}/vote`, { token: s.token, body: { up: true } }),
  'qa:moderate': (url, s) => http(url, 'POST', `${thBase(s)}/questions/${th(s).questionId}/pin`, { token: s.token, body: {} }),
  'hand:raise': (url, s) => http(url, 'PUT', `${thBase(s)}/hand`, { token: s.token, body: { topic: 'Water' } }),
  'hand:manage': (url, s) => http(url, 'POST', `${thBase(s)}/floor`, { token: s.token, body: {} }),
  'poll:manage': (url, s) => http(url, 'POST', `${thBase(s)}/polls/${th(s).draftPollId}/open`, { token: s.token, body: {} }),
  'poll:vote': (url, s) => http(url, 'PUT', `${thBase(s)}/polls/${th(s).openPollId}/ballot`, { token: s.token, body: { choice: 'o1' } }),
  'caption:write': (url, s) => http(url, 'POST', `${thBase(s)}/captions`, { token: s.token, body: { text: CAPTION } }),
  'agenda:manage': (url, s) => http(url, 'POST', `${thBase(s)}/agenda`, { token: s.token, body: AGENDA_ITEM }),
  'townhall:configure': (url, s) => http(url, 'PATCH', `${thBase(s)}/settings`, { token: s.token, body: { moderation: 'pre' } }),
  'record:export': (url, s) => http(url, 'GET', `/api/sessions/${s.created.session.id}/export?format=json`, { token: s.token }),
  'record:publish': (url, s) => http(url, 'POST', `/api/sessions/${s.created.session.id}/publication`, { token: s.token, body: {} }),
  'harvest:suggest-themes': (url, s) => http(url, 'POST', `/api/sessions/${s.created.session.id}/harvest/theme-suggestions`, { token: s.token, body: {} }),
  'consultation:configure': (url, s) => http(url, 'PATCH', csBase(s), { token: s.token, body: { moderation: 'pre' } }),
  'consultation:contribute': (url, s) => http(url, 'POST', `${csBase(s)}/contributions`, { token: s.token, body: { questionId: cs(s).questionId, ...CONTRIBUTION } }),
  'consultation:moderate': (url, s) => http(url, 'POST', `${csBase(s)}/contributions/${cs(s).contributionId}/hide`, { token: s.token, body: { reason: 'Off topic' } }),
  'consultation:respond': (url, s) => http(url, 'POST', `${csBase(s)}/responses`, { token: s.token, body: { contributionIds: [cs(s).contributionId], ...RESPONSE } }),
  'content:translate': (url, s) =>
    http(url, 'PUT', `/api/sessions/${s.created.session.id}/content/versions`, { token: s.token, body: { key: 'cafe-round/1/question', language: 'fr', text: 'Pourquoi ?' } }),
  'content:machine-translate': (url, s) =>
    http(url, 'POST', `/api/sessions/${s.created.session.id}/content/machine-translation`, { token: s.token, body: { key: 'cafe-round/1/question', language: 'es' } }),
  'content:retag': (url, s) => http(url, 'PUT', `/api/sessions/${s.created.session.id}/content/original-language`, { token: s.token, body: { key: retagKey(s), language: 'fr' } }),
  'hub:update': (url, s) => http(url, 'PATCH', `/api/sessions/${s.created.session.id}/hub`, { token: s.token, body: { headcount: 12 } }),
};

/** The consultation as one token's holder sees it on (re)connect. */
async function consultationOf(url: string, s: Scene, token: string): Promise<ConsultationLive> {
  const result = await http(url, 'GET', `/api/sessions/${s.created.session.id}`, { token });
  expect(result.status).toBe(200);
  return result.body.consultation as ConsultationLive;
}

/** The question whose language the actor corrects: their own when they may ask, else the target's. */
function retagKey(s: Scene): string {
  return `question/${th(s).ownQuestionId ?? th(s).questionId}/text`;
}

function thBase(s: Scene): string {
  return `/api/sessions/${s.created.session.id}/townhall`;
}

async function townhallOf(url: string, s: Scene): Promise<TownhallLive> {
  const result = await http(url, 'GET', thBase(s), { token: s.created.facilitatorToken });
  expect(result.status).toBe(200);
  return result.body.townhall as TownhallLive;
}

/**
 * The one case where the table allows and the server still says no: the display reads as
 * an observer, observers may update their profile, but a display has no profile. It must be
 * refused as a conflict, never as forbidden (the permission check passed).
 */
const isDisplayProfileUpdate = (actor: Actor, action: Action) => actor === 'display' && (action === 'profile:update' || action === 'content:machine-translate');

/** Checks that an allowed action really happened. */
async function expectDone(url: string, scene: Scene, action: Action, result: Record<string, unknown>): Promise<void> {
  const { created, target } = scene;
  const people = await http<{ participants: ParticipantView[] }>(url, 'GET', `/api/sessions/${created.session.id}/participants`, { token: created.facilitatorToken });
  switch (action) {
    case 'session:view': {
      const state = (result.state ?? result) as { session: { id: string } };
      expect(state.session.id).toBe(created.session.id);
      return;
    }
    case 'participants:list':
      expect((result.participants as ParticipantView[]).map((p) => p.id)).toEqual(people.body.participants.map((p) => p.id));
      return;
    case 'participant:set-role':
      expect(people.body.participants.find((p) => p.id === target.id)?.role).toBe('host');
      return;
    case 'participant:remove':
      expect(people.body.participants.some((p) => p.id === target.id)).toBe(false);
      return;
    case 'profile:update': {
      const me = result.participant as ParticipantView;
      expect(me).toMatchObject({ language: 'fr', mode: 'remote' });
      expect(people.body.participants.find((p) => p.id === me.id)).toMatchObject({ language: 'fr', mode: 'remote' });
      return;
    }
    case 'session:configure': {
      expect(result.session).toMatchObject({ observerNotes: false });
      const state = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.facilitatorToken });
      expect(state.body.session.observerNotes).toBe(false);
      return;
    }
    case 'projector:rotate-key': {
      const key = result.projectorKey as string;
      expect(key).toMatch(/^otd_/);
      const old = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.projectorKey });
      expect(old.status).toBe(401);
      const fresh = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: key });
      expect(fresh.status).toBe(200);
      return;
    }
    case 'projector:show': {
      expect(result.projector).toMatchObject({ view: 'join' });
      const state = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.facilitatorToken });
      expect(state.body.session.projector).toMatchObject({ view: 'join' });
      return;
    }
    case 'cafe:view-setup':
      expect((result.cafe as { tables: unknown[] }).tables).toHaveLength(1);
      return;
    case 'cafe:configure': {
      const cafe = await http(url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken });
      expect(cafe.body.cafe.rounds).toEqual([{ number: 1, question: 'What should change?', durationMs: 15 * 60_000 }]);
      return;
    }
    case 'cafe:plan': {
      const cafe = await http(url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken });
      expect(cafe.body.cafe.plan).toMatchObject({ seed: 7, locked: false });
      return;
    }
    case 'cafe:run': {
      const live = await http(url, 'GET', `/api/sessions/${created.session.id}/cafe/live`, { token: created.facilitatorToken });
      expect(live.body.cafe.live).toMatchObject({ phase: 'in-round', run: { round: 1, timer: { status: 'running' } } });
      return;
    }
    case 'cafe:prompt': {
      const cafe = await http(url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken });
      expect(cafe.body.cafe.prompts).toMatchObject([{ text: PROMPT, tableId: null, round: 0 }]);
      return;
    }
    case 'notepad:add-idea': {
      const { ideas } = await server.notepads.readRoom(`session/${created.session.id}/table/${scene.notepad!.tableId}/round/1`);
      expect(ideas.map((i) => i.text)).toEqual([SCENE_IDEA.text, ADDED_IDEA.text]);
      return;
    }
    case 'notepad:curate-ideas': {
      const { ideas } = await server.notepads.readRoom(`session/${created.session.id}/table/${scene.notepad!.tableId}/round/1`);
      expect(ideas).toMatchObject([{ id: SCENE_IDEA.id, marked: true }]);
      return;
    }
    case 'notepad:set-language': {
      expect((await server.store.cafe.notesLanguages(created.session.id)).get(`${scene.notepad!.tableId}/1`)).toBe('ar');
      return;
    }
    case 'qa:ask': {
      const { qa } = await townhallOf(url, scene);
      expect((result.question as QuestionItem).text).toBe(QUESTION);
      expect(qa.questions.map((q) => q.text)).toContain(QUESTION);
      return;
    }
    case 'qa:vote': {
      expect(result.votes).toBe(1);
      const { qa } = await townhallOf(url, scene);
      expect(qa.questions.find((q) => q.id === th(scene).questionId)?.votes).toBe(1);
      return;
    }
    case 'qa:moderate': {
      const { qa } = await townhallOf(url, scene);
      expect(qa.questions.find((q) => q.id === th(scene).questionId)?.pinned).toBe(true);
      return;
    }
    case 'hand:raise': {
      expect(result.you).toMatchObject({ raised: true, topic: 'Water' });
      const { queue } = await townhallOf(url, scene);
      expect(queue!.hands.map((h) => h.topic)).toContain('Water');
      return;
    }
    case 'hand:manage': {
      const { queue } = await townhallOf(url, scene);
      expect(queue!.floor).toMatchObject({ handle: expect.any(String), timer: { status: 'running' } });
      return;
    }
    case 'poll:manage': {
      const { polls } = await townhallOf(url, scene);
      expect(polls.find((p) => p.poll.id === th(scene).draftPollId)?.poll.status).toBe('open');
      return;
    }
    case 'poll:vote': {
      expect(result.ballot).toMatchObject({ pollId: th(scene).openPollId, choice: 'o1' });
      const { polls } = await townhallOf(url, scene);
      expect(polls.find((p) => p.poll.id === th(scene).openPollId)?.results?.overall.ballots).toBe(1);
      return;
    }
    case 'caption:write': {
      const { captions } = await townhallOf(url, scene);
      expect(captions.map((c) => c.text)).toEqual([CAPTION]);
      return;
    }
    case 'agenda:manage': {
      const { agenda } = await townhallOf(url, scene);
      expect(agenda.items).toMatchObject([{ title: AGENDA_ITEM.title, durationMs: 5 * 60_000, status: 'upcoming' }]);
      return;
    }
    case 'townhall:configure': {
      const { settings } = await townhallOf(url, scene);
      expect(settings.moderation).toBe('pre');
      return;
    }
    case 'record:export': {
      const record = (result.record ?? result) as { schema: string; session: { title: string } };
      expect(record.schema).toBe('open-talks/record');
      expect(record.session.title).toBe(created.session.title);
      return;
    }
    case 'record:publish': {
      const publication = await http(url, 'GET', `/api/sessions/${created.session.id}/publication`, { token: created.facilitatorToken });
      expect(publication.body.publication).toMatchObject({ published: true });
      const page = await http(url, 'GET', `/api/public/${publication.body.publication.slug}`);
      expect(page.status).toBe(200);
      return;
    }
    case 'harvest:suggest-themes':
      expect(result).toMatchObject({ themes: [], considered: 0 });
      return;
    case 'consultation:configure':
      expect((await consultationOf(url, scene, created.facilitatorToken)).consultation.settings.moderation).toBe('pre');
      return;
    case 'consultation:contribute': {
      expect(result.contribution).toMatchObject({ ...CONTRIBUTION, status: 'published' });
      expect((await consultationOf(url, scene, created.facilitatorToken)).consultation.questions[0]!.counts.contributions).toBe(2);
      return;
    }
    case 'consultation:moderate': {
      const mine = (await consultationOf(url, scene, cs(scene).targetToken)).you!.mine;
      expect(mine).toMatchObject([{ id: cs(scene).contributionId, status: 'hidden', hiddenReason: 'Off topic' }]);
      return;
    }
    case 'consultation:respond': {
      const mine = (await consultationOf(url, scene, cs(scene).targetToken)).you!.mine;
      expect(mine).toMatchObject([{ id: cs(scene).contributionId, response: { ...RESPONSE, contributionIds: [cs(scene).contributionId] } }]);
      return;
    }
    case 'content:translate': {
      // The version is in the ack and in what any reader of the session gets on (re)connect (LANG30).
      const expected = { key: 'cafe-round/1/question', originalLanguage: 'en', versions: [expect.objectContaining({ language: 'fr', text: 'Pourquoi ?', source: 'human' })] };
      expect(result.content).toMatchObject(expected);
      const { socket, state } = await connect(url, created.facilitatorToken);
      socket.close();
      expect(state.content).toMatchObject([expected]);
      return;
    }
    case 'hub:update': {
      expect(result.participant).toMatchObject({ role: 'hub', hub: { ...HUB, headcount: 12 } });
      const me = (result.participant as ParticipantView).id;
      expect(people.body.participants.find((p) => p.id === me)?.hub).toEqual({ ...HUB, headcount: 12 });
      return;
    }
    case 'content:machine-translate': {
      // MT10: a machine version, labelled with its engine, never a person (the walk's engine answers "[es] …").
      expect(result).toMatchObject({ key: 'cafe-round/1/question', version: { language: 'es', source: 'machine', engine: 'libretranslate', text: '[es] Why?' } });
      return;
    }
    case 'content:retag': {
      const question = (await townhallOf(url, scene)).qa.questions.find((q) => q.id === retagKey(scene).split('/')[1]);
      expect(question?.language).toBe('fr');
      return;
    }
    default: {
      const unreachable: never = action;
      throw new Error(`no check for ${String(unreachable)}`);
    }
  }
}

let server: Server;
let url: string;
/**
 * The walk's machine translation (MT10): a LibreTranslate-compatible service on loopback that
 * answers "[<target>] <text>", so an allowed request really goes through the engine and storage.
 * The real engine (Apertium's APY) is tested in machine-translation.test.ts.
 */
const translating = { env: {} as Record<string, string> };
let engine: FakeLibreTranslate;
beforeAll(async () => {
  engine = await fakeLibreTranslate({ languages: [{ code: 'en', name: 'English', targets: ['es', 'fr'] }], answer: ({ q, target }) => `[${target}] ${q}` });
  translating.env = { TRANSLATE_ENGINE: 'libretranslate', TRANSLATE_URL: engine.url };
});
afterAll(() => engine.close());
serverForFile((started) => {
  server = started;
  url = started.url;
}, translating);

/** A fresh session per check, so allowed destructive actions (remove, rotate) never touch another check. */
async function scene(actor: Actor, action?: Action): Promise<Scene> {
  const townhall = action !== undefined && TOWNHALL_ACTIONS.has(action);
  const consultation = action !== undefined && CONSULTATION_ACTIONS.has(action);
  const format = townhall ? { format: 'townhall', title: 'Test Town Hall' } : consultation ? { format: 'consultation', title: 'Test consultation' } : {};
  const created = await createSession(url, format as Partial<CreateSessionBody>);
  let token: string;
  if (actor === 'facilitator') token = created.facilitatorToken;
  else if (actor === 'display') token = created.projectorKey;
  else if (actor === 'hub') {
    // A hub is never handed out by the facilitator (HUB6): its coordinator joins as one, with its registration.
    const hub = await join(url, created.session.joinCode, { displayName: 'A hub', role: 'hub', mode: 'remote', hub: HUB });
    expect(hub.participant).toMatchObject({ role: 'hub', hub: { ...HUB, place: HUB.place } });
    token = hub.token;
  } else {
    const person = await join(url, created.session.joinCode, { displayName: `A ${actor}` });
    // Every role is handed out by the facilitator, as in the console.
    const set = await http(url, 'PATCH', `/api/sessions/${created.session.id}/participants/${person.participant.id}`, {
      token: created.facilitatorToken,
      body: { role: actor },
    });
    expect(set.status).toBe(200);
    expect(set.body.participant.role).toBe(actor);
    token = person.token;
  }
  const targetJoined = await join(url, created.session.joinCode, { displayName: 'Target' });
  const target = targetJoined.participant;
  if (townhall) {
    const scene = await townhallScene(created, targetJoined.token);
    if (action === 'content:retag' && can(roleOf(actor), 'qa:ask') && actor !== 'display') {
      const own = await http(url, 'POST', `/api/sessions/${created.session.id}/townhall/questions`, { token, body: { text: 'Is this in French?' } });
      expect(own.status, JSON.stringify(own.body)).toBe(201);
      scene.ownQuestionId = own.body.question.id as string;
    }
    return { created, token, target, townhall: scene };
  }
  if (consultation) return { created, token, target, consultation: await consultationScene(created, targetJoined.token) };
  // A café ready to start: one table, one round, a plan.
  const facilitator = { token: created.facilitatorToken };
  const base = `/api/sessions/${created.session.id}/cafe`;
  expect((await http(url, 'PUT', `${base}/tables`, { ...facilitator, body: { tables: [{ label: '1', kind: 'hybrid', capacity: 6 }] } })).status).toBe(200);
  expect((await http(url, 'PUT', `${base}/rounds`, { ...facilitator, body: { rounds: [{ question: 'Why?', durationMinutes: 20 }] } })).status).toBe(200);
  const planned = await http(url, 'POST', `${base}/plan`, { ...facilitator, body: { seed: 1 } });
  expect(planned.status).toBe(201);
  if (action === undefined || !NOTEPAD_ACTIONS.has(action)) return { created, token, target };
  // Key ideas are written while a round runs, by the people seated at the table (NOTE2).
  expect((await http(url, 'POST', `${base}/run/start`, { ...facilitator, body: {} })).status).toBe(200);
  // A hub writes at its own table only (HUB51): the one the café made for it when it joined.
  const tables = planned.body.cafe.tables as { id: string; hubParticipantId?: string | null }[];
  const ownHubTable = actor === 'hub' ? tables.find((t) => t.hubParticipantId) : undefined;
  const notepad = { tableId: (ownHubTable ?? tables[0]!).id };
  const seeded = await http(url, 'POST', ideasPath({ created, token, target, notepad }), { ...facilitator, body: SCENE_IDEA });
  expect(seeded.status, JSON.stringify(seeded.body)).toBe(201);
  return { created, token, target, notepad };
}

/** A Town Hall with a visible question and a raised hand (both the target's), a draft poll and an open one. */
async function townhallScene(created: Created, targetToken: string): Promise<NonNullable<Scene['townhall']>> {
  const base = `/api/sessions/${created.session.id}/townhall`;
  const facilitator = { token: created.facilitatorToken };
  const asked = await http(url, 'POST', `${base}/questions`, { token: targetToken, body: { text: 'Who pays for it?' } });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  expect((await http(url, 'PUT', `${base}/hand`, { token: targetToken, body: {} })).status).toBe(200);
  const poll = { kind: 'single', question: 'Which first?', options: ['Access', 'Skills'] };
  const draft = await http(url, 'POST', `${base}/polls`, { ...facilitator, body: poll });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const open = await http(url, 'POST', `${base}/polls`, { ...facilitator, body: poll });
  expect((await http(url, 'POST', `${base}/polls/${open.body.poll.poll.id}/open`, { ...facilitator, body: {} })).status).toBe(200);
  return { questionId: asked.body.question.id, draftPollId: draft.body.poll.poll.id, openPollId: open.body.poll.poll.id };
}

/** A consultation open for contributions on one question, where the target has published one. */
async function consultationScene(created: Created, targetToken: string): Promise<NonNullable<Scene['consultation']>> {
  const base = `/api/sessions/${created.session.id}/consultation`;
  const facilitator = { token: created.facilitatorToken };
  const added = await http(url, 'POST', `${base}/questions`, { ...facilitator, body: { text: 'What should change?' } });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  expect((await http(url, 'PUT', `${base}/phase`, { ...facilitator, body: { phase: 'contributions' } })).status).toBe(200);
  const questionId = added.body.consultation.questions[0].id as string;
  const submitted = await http(url, 'POST', `${base}/contributions`, { token: targetToken, body: { questionId, title: 'Listen first', text: 'Before deciding.' } });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  return { questionId, contributionId: submitted.body.contribution.id, targetToken };
}

describe('PERM1 the walk covers the whole table', () => {
  it('PERM1 every Socket.IO command names an action, and every action has a command', () => {
    const actionsOfCommands = new Set(Object.values(COMMANDS).map((c) => c.action));
    expect([...actionsOfCommands].sort()).toEqual([...SESSION_ACTIONS].sort());
    for (const action of SESSION_ACTIONS) expect(COMMANDS[SOCKET_CALLS[action].command].action).toBe(action);
    // Series actions are checked with series tokens (test/integration/series-permissions.test.ts).
    expect(
      Object.keys(PERMISSIONS)
        .filter((a) => !a.startsWith('series:'))
        .sort(),
    ).toEqual([...SESSION_ACTIONS].sort());
  });
});

describe.each(ACTORS)('PERM1 as %s', (actor) => {
  const role = roleOf(actor);

  it(`PERM1 ${actor} connects and is seen with role ${actor === 'display' ? 'observer (display)' : role}`, async () => {
    const s = await scene(actor);
    const { state } = await connect(url, s.token);
    if (actor === 'display') expect(state.viewer).toEqual({ kind: 'display' });
    else expect(state.viewer).toMatchObject({ kind: 'participant', participant: { role } });
    // The state pushed on connect lists participants exactly for roles that may list them.
    expect('participants' in state).toBe(can(role, 'participants:list'));
  });

  for (const action of SESSION_ACTIONS) {
    const allowed = can(role, action);

    it(`PERM1 ${actor} ${allowed ? 'may' : 'may not'} ${action} over Socket.IO (${SOCKET_CALLS[action].command})`, async () => {
      const s = await scene(actor, action);
      const { socket } = await connect(url, s.token);
      const before = await snapshot(url, s);
      const call = SOCKET_CALLS[action];
      const ack = await command(socket, call.command, call.payload(s) as never);
      if (isDisplayProfileUpdate(actor, action)) {
        expect(ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
        expect(await snapshot(url, s)).toEqual(before);
      } else if (allowed) {
        expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
        await expectDone(url, s, action, ack);
      } else {
        expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
        expect(await snapshot(url, s)).toEqual(before);
      }
    });

    it(`PERM1 ${actor} ${allowed ? 'may' : 'may not'} ${action} over HTTP`, async () => {
      const s = await scene(actor, action);
      const before = await snapshot(url, s);
      const result = await HTTP_CALLS[action](url, s);
      if (isDisplayProfileUpdate(actor, action)) {
        expect(result.status).toBe(409);
        expect(result.body?.error?.code).toBe('conflict');
        expect(await snapshot(url, s)).toEqual(before);
      } else if (allowed) {
        expect(result.status, JSON.stringify(result.body)).toBeGreaterThanOrEqual(200);
        expect(result.status).toBeLessThan(300);
        await expectDone(url, s, action, result.body ?? {});
      } else {
        expect(result.status).toBe(403);
        expect(result.body?.error?.code).toBe('forbidden');
        expect(await snapshot(url, s)).toEqual(before);
      }
    });
  }
});

describe('PERM1 the table is read at each action, not at connect', () => {
  it('PERM1 a participant promoted to moderator may list at once, and is refused again once demoted', async () => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode);
    const { socket } = await connect(url, person.token);
    expect(await command(socket, 'participant:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const path = `/api/sessions/${created.session.id}/participants/${person.participant.id}`;
    await http(url, 'PATCH', path, { token: created.facilitatorToken, body: { role: 'moderator' } });
    expect(await command(socket, 'participant:list', {})).toMatchObject({ ok: true });

    await http(url, 'PATCH', path, { token: created.facilitatorToken, body: { role: 'observer' } });
    expect(await command(socket, 'participant:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('HUB6 the hub role cannot be handed out by set-role, over HTTP or Socket.IO', async () => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode);
    const path = `/api/sessions/${created.session.id}/participants/${person.participant.id}`;
    const refused = await http(url, 'PATCH', path, { token: created.facilitatorToken, body: { role: 'hub' } });
    expect(refused.status).toBe(400);
    const { socket } = await connect(url, created.facilitatorToken);
    expect(await command(socket, 'participant:set-role', { participantId: person.participant.id, role: 'hub' } as never)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const people = await http(url, 'GET', `/api/sessions/${created.session.id}/participants`, { token: created.facilitatorToken });
    expect(people.body.participants.find((p: ParticipantView) => p.id === person.participant.id)?.role).toBe('participant');
  });

  it("PERM1 a facilitator of one session has no power over another session's people", async () => {
    const a = await createSession(url);
    const b = await createSession(url);
    const stranger = await join(url, b.session.joinCode);
    const { socket } = await connect(url, a.facilitatorToken);
    expect(await command(socket, 'participant:set-role', { participantId: stranger.participant.id, role: 'host' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await command(socket, 'participant:remove', { participantId: stranger.participant.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const people = await http(url, 'GET', `/api/sessions/${b.session.id}/participants`, { token: b.facilitatorToken });
    expect(people.body.participants.find((p: ParticipantView) => p.id === stranger.participant.id)?.role).toBe('participant');
  });
});
