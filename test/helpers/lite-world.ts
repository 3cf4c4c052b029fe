// Sessions with realistic content for the lite pages' tests and bench (docs/lite.md): a café in
// its first round, a Town Hall in full swing, a consultation taking contributions. All set up
// over the HTTP API with the facilitator's token, as an organiser's script would.
import { createSession, http, join, type Created } from './api.js';

async function ok(url: string, method: string, path: string, token: string, body: unknown = {}): Promise<any> {
  const res = await http(url, method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const SENTENCES = [
  'How will the data collected by the city be protected from commercial reuse without consent?',
  'Who audits the algorithms used to allocate public housing, and are the results published?',
  'What does the ministry plan for people in rural areas who have no broadband at all?',
  'Can civil society organisations get a seat on the oversight board before the next review?',
  'Will the open data portal include the procurement contracts, with the amounts, this year?',
  'How do we make sure small businesses are heard as much as the large platforms?',
];

export interface LiteCafe {
  created: Created;
  base: string;
}

/** A café: 6 tables, 3 rounds, `people` joined, planned, round 1 running with three prompts. */
export async function liteCafe(url: string, people = 20): Promise<LiteCafe> {
  const created = await createSession(url, { title: 'World Café on data governance', format: 'cafe', attribution: 'group', languages: ['en', 'fr', 'ar'] });
  const token = created.facilitatorToken;
  const base = `/api/sessions/${created.session.id}/cafe`;
  const tables = Array.from({ length: 6 }, (_, i) => ({ label: i < 4 ? `Room table ${i + 1}` : `Online ${i - 3}`, kind: i < 4 ? 'in-room' : 'remote', capacity: 6 }));
  await ok(url, 'PUT', `${base}/tables`, token, { tables });
  await ok(url, 'PUT', `${base}/rounds`, token, {
    rounds: [
      { question: 'What would make sharing public data fair for everyone in this city?', durationMinutes: 20 },
      { question: 'Who should decide how public algorithms are used, and how?', durationMinutes: 20 },
      { question: 'What is one thing we can start doing next month?', durationMinutes: 15 },
    ],
  });
  for (let i = 0; i < people; i++) await join(url, created.session.joinCode, { displayName: `Person ${i + 1}`, mode: i % 3 === 0 ? 'remote' : 'in-room' });
  return { created, base };
}

/** Plans and starts the café's first round, with prompts. Call after the lite people joined. */
export async function startCafe(url: string, cafe: LiteCafe): Promise<void> {
  const token = cafe.created.facilitatorToken;
  await ok(url, 'POST', `${cafe.base}/plan`, token);
  await ok(url, 'POST', `${cafe.base}/run/start`, token);
  for (const text of ['Start by introducing yourselves in one sentence.', 'Write down the three ideas that came up most.', 'Five minutes left: agree on one key idea.'])
    await ok(url, 'POST', `${cafe.base}/prompts`, token, { text });
}

export interface LiteTownHall {
  created: Created;
  base: string;
  pollId: string;
  captionerToken: string;
}

/** A Town Hall: 5 agenda items (the first running), `questions` questions with votes, an open poll, 20 captions. */
export async function liteTownHall(url: string, questions = 30): Promise<LiteTownHall> {
  const created = await createSession(url, { title: 'Town Hall on the digital strategy', format: 'townhall', attribution: 'group', languages: ['en', 'fr', 'ar'] });
  const token = created.facilitatorToken;
  const base = `/api/sessions/${created.session.id}/townhall`;
  for (const title of ['Welcome and purpose', 'The draft strategy in ten minutes', 'Questions from the floor', 'Poll and discussion', 'Next steps'])
    await ok(url, 'POST', `${base}/agenda`, token, { title, durationMinutes: 20 });
  await ok(url, 'POST', `${base}/agenda/next`, token);
  const askers = [];
  for (let i = 0; i < 10; i++) askers.push(await join(url, created.session.joinCode, { displayName: `Asker ${i + 1}`, mode: i % 2 ? 'remote' : 'in-room' }));
  const ids: string[] = [];
  for (let i = 0; i < questions; i++) {
    const asked = await ok(url, 'POST', `${base}/questions`, askers[i % askers.length]!.token, { text: `${SENTENCES[i % SENTENCES.length]} (${i + 1})` });
    ids.push(asked.question.id);
  }
  for (let i = 0; i < ids.length; i += 3) await ok(url, 'POST', `${base}/questions/${ids[i]}/vote`, askers[(i + 1) % askers.length]!.token, { up: true });
  const poll = await ok(url, 'POST', `${base}/polls`, token, {
    kind: 'single',
    question: 'Which part of the strategy should come first?',
    options: ['Connectivity in rural areas', 'Digital skills in schools', 'Open data and transparency', 'Cybersecurity for small businesses', 'Public service online'],
  });
  const pollId: string = poll.poll.poll?.id ?? poll.poll.id;
  await ok(url, 'POST', `${base}/polls/${pollId}/open`, token);
  const captioner = await join(url, created.session.joinCode, { displayName: 'Captioner' });
  await ok(url, 'PATCH', `/api/sessions/${created.session.id}/participants/${captioner.participant.id}`, token, { role: 'captioner' });
  const lines = Array.from({ length: 20 }, (_, i) => `Line ${i + 1}: the strategy covers connectivity, skills and public services over five years.`);
  await ok(url, 'POST', `${base}/captions`, captioner.token, { text: lines.join('\n') });
  return { created, base, pollId, captionerToken: captioner.token };
}

/** A consultation taking contributions: 4 questions, 12 contributions. */
export async function liteConsultation(url: string): Promise<{ created: Created }> {
  const created = await createSession(url, { title: 'Consultation on the open data law', format: 'consultation', attribution: 'group', languages: ['en', 'fr'] });
  const token = created.facilitatorToken;
  const base = `/api/sessions/${created.session.id}/consultation`;
  const questionIds: string[] = [];
  for (const text of ['What data should be open by default?', 'What should stay closed, and why?', 'How should people be told about reuse?', 'Anything else?']) {
    const added = await ok(url, 'POST', `${base}/questions`, token, { text });
    questionIds.push(added.consultation.questions.at(-1).id);
  }
  await ok(url, 'PUT', `${base}/phase`, token, { phase: 'contributions' });
  for (let i = 0; i < 12; i++) {
    const person = await join(url, created.session.joinCode, { displayName: `Contributor ${i + 1}` });
    await ok(url, 'POST', `${base}/contributions`, person.token, { questionId: questionIds[i % 4], title: `Idea ${i + 1}`, text: SENTENCES[i % SENTENCES.length]!.repeat(2) });
  }
  return { created };
}
