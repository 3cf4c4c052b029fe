import { describe, expect, it } from 'vitest';
import type { StakeholderGroup } from '../../shared/src/domain/words.js';
import type { OpinionReport, StatementView } from '../../shared/src/protocol/index.js';
import { createSession, join, type Created } from '../helpers/api.js';
import { command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { record, serversPerTest } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// Statements and opinion groups (docs/consultation.md, CONS30–CONS39) with real socket.io clients,
// on SQLite and PostgreSQL.

const targets = await storageTargets();

interface Consultation {
  url: string;
  created: Created;
  staff: ClientSocket;
  questionId: string;
  /** A second question, with statements off. */
  plainQuestionId: string;
}

async function openConsultation(
  url: string,
  options: { attribution?: 'named' | 'group' | 'anonymous'; moderation?: 'pre' | 'post'; phase?: 'draft' | 'contributions' } = {},
): Promise<Consultation> {
  const created = await createSession(url, { title: 'Digital cooperation', format: 'consultation', attribution: options.attribution ?? 'group' });
  const { socket: staff } = await connect(url, created.facilitatorToken);
  const added = await command(staff, 'consultation:add-question', { text: 'What should the roadmap say?', statements: true });
  expect(added, JSON.stringify(added)).toMatchObject({ ok: true });
  const plain = await command(staff, 'consultation:add-question', { text: 'Anything else?', statements: false });
  if (!added.ok || !plain.ok) throw new Error('no question');
  if (options.moderation) expect(await command(staff, 'consultation:configure', { moderation: options.moderation })).toMatchObject({ ok: true });
  if ((options.phase ?? 'contributions') === 'contributions') expect(await command(staff, 'consultation:set-phase', { phase: 'contributions' })).toMatchObject({ ok: true });
  return { url, created, staff, questionId: added.consultation.questions[0]!.id, plainQuestionId: plain.consultation.questions[1]!.id };
}

async function person(c: Consultation, stakeholderGroup: StakeholderGroup = 'academia', displayName = 'Someone'): Promise<{ id: string; socket: ClientSocket }> {
  const joined = await join(c.url, c.created.session.joinCode, { stakeholderGroup, displayName, mode: 'remote' });
  const { socket } = await connect(c.url, joined.token);
  return { id: joined.participant.id, socket };
}

async function seed(c: Consultation, text: string): Promise<StatementView> {
  const ack = await command(c.staff, 'statement:propose', { questionId: c.questionId, text });
  if (!ack.ok) throw new Error(JSON.stringify(ack));
  return ack.statement;
}

/** Every answer a report counts (a report may come while answers are still arriving). */
const answersIn = (report: OpinionReport) => report.statements.reduce((sum, s) => sum + s.tally.agree + s.tally.disagree + s.tally.pass, 0);

/** Answers every statement `next` gives, as `vote(text)` says, until none is left. */
async function answerAll(socket: ClientSocket, questionId: string, vote: (text: string) => 'agree' | 'disagree' | 'pass'): Promise<number> {
  let ack = await command(socket, 'statement:next', { questionId });
  let answered = 0;
  while (ack.ok && ack.next) {
    const next: StatementView = ack.next;
    ack = await command(socket, 'statement:answer', { statementId: next.id, vote: vote(next.text) });
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    answered++;
  }
  return answered;
}

describe.each(targets)('consultation statements and opinion groups on $kind', ({ kind, skip }) => {
  const { start, stop } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('CONS30 CONS38 seeds publish at once; proposals follow pre-moderation; staff publish or hide; each audience sees what it may', async () => {
    const { url } = await start();
    const c = await openConsultation(url, { moderation: 'pre' });
    const author = await person(c, 'government', 'Author');
    const other = await person(c, 'civil-society', 'Other');
    const otherSaw = record<StatementView>(other.socket, 'statement:changed');

    const seeded = within(nextEvent(other.socket, 'statement:changed'), 'a seed reaches everyone');
    const seedAck = await command(c.staff, 'statement:propose', { questionId: c.questionId, text: '  Access to   the internet is a right.  ' });
    expect(seedAck).toMatchObject({ ok: true, statement: { text: 'Access to the internet is a right.', status: 'published', seeded: true, answers: 0 } });
    expect((await seeded)[0]).toMatchObject({ text: 'Access to the internet is a right.', status: 'published' });

    const staffSawPending = within(
      nextEvent(c.staff, 'statement:changed', (s) => s.status === 'pending'),
      'staff see the pending proposal',
    );
    const proposed = await command(author.socket, 'statement:propose', { questionId: c.questionId, text: 'Data should stay where it is made.' });
    expect(proposed).toMatchObject({ ok: true, statement: { status: 'pending', seeded: false } });
    if (!proposed.ok) return;
    await staffSawPending;
    const staffList = await command(c.staff, 'statement:list', { questionId: c.questionId });
    const authorList = await command(author.socket, 'statement:list', { questionId: c.questionId });
    const otherList = await command(other.socket, 'statement:list', { questionId: c.questionId });
    expect(staffList.ok && staffList.statements.map((s) => s.status)).toEqual(['published', 'pending']);
    expect(authorList.ok && authorList.statements).toHaveLength(2);
    expect(otherList.ok && otherList.statements.map((s) => s.text)).toEqual(['Access to the internet is a right.']);
    // A pending statement cannot be answered, and is nobody's next.
    expect(await command(other.socket, 'statement:answer', { statementId: proposed.statement.id, vote: 'agree' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: 'statement.notFound' },
    });

    expect(await command(author.socket, 'statement:moderate', { statementId: proposed.statement.id, status: 'published' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const published = within(
      nextEvent(other.socket, 'statement:changed', (s) => s.id === proposed.statement.id),
      'the approved proposal reaches everyone',
    );
    expect(await command(c.staff, 'statement:moderate', { statementId: proposed.statement.id, status: 'published' })).toMatchObject({
      ok: true,
      statement: { status: 'published' },
    });
    expect((await published)[0]).toMatchObject({ status: 'published', text: 'Data should stay where it is made.' });

    // Hidden: everyone else is told it went (status hidden, text blanked); staff keep the text.
    const gone = within(
      nextEvent(other.socket, 'statement:changed', (s) => s.id === proposed.statement.id && s.status === 'hidden'),
      'the hidden statement leaves',
    );
    expect(await command(c.staff, 'statement:moderate', { statementId: proposed.statement.id, status: 'hidden' })).toMatchObject({ ok: true, statement: { status: 'hidden' } });
    expect((await gone)[0].text).toBe('');
    expect(otherSaw.some((s) => s.status === 'pending')).toBe(false);
  });

  it.skipIf(Boolean(skip))('CONS30 refusals: too long, empty, duplicate, statements off, not open yet; nothing stored', async () => {
    const { url } = await start();
    const c = await openConsultation(url, { phase: 'draft' });
    const p = await person(c);
    // Staff may seed while preparing; participants must wait for the phase.
    await seed(c, 'Seeded before opening.');
    expect(await command(p.socket, 'statement:propose', { questionId: c.questionId, text: 'Too early.' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'consultation.notOpenYet' },
    });
    expect(await command(c.staff, 'consultation:set-phase', { phase: 'contributions' })).toMatchObject({ ok: true });
    expect(await command(p.socket, 'statement:propose', { questionId: c.questionId, text: 'x'.repeat(141) })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'statement.tooLong', params: { max: 140 } },
    });
    // 140 characters after trimming is fine (surrounding spaces do not count).
    expect(await command(p.socket, 'statement:propose', { questionId: c.questionId, text: `  ${'y'.repeat(140)}  ` })).toMatchObject({ ok: true });
    expect(await command(p.socket, 'statement:propose', { questionId: c.questionId, text: '   ' })).toMatchObject({ ok: false, error: { reason: 'statement.empty' } });
    expect(await command(p.socket, 'statement:propose', { questionId: c.questionId, text: 'SEEDED before   opening.' })).toMatchObject({
      ok: false,
      error: { reason: 'statement.duplicate' },
    });
    expect(await command(p.socket, 'statement:propose', { questionId: c.plainQuestionId, text: 'Off here.' })).toMatchObject({
      ok: false,
      error: { reason: 'statement.statementsOff' },
    });
    expect(await command(p.socket, 'statement:propose', { questionId: 'nope', text: 'Where?' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const list = await command(c.staff, 'statement:list', { questionId: c.questionId });
    expect(list.ok && list.statements).toHaveLength(2);

    // Closed: no answers any more.
    const statementId = list.ok ? list.statements[0]!.id : '';
    expect(await command(c.staff, 'consultation:set-phase', { phase: 'closed' })).toMatchObject({ ok: true });
    expect(await command(p.socket, 'statement:answer', { statementId, vote: 'agree' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await command(p.socket, 'statement:next', { questionId: c.questionId })).ok && true).toBe(true);
  });

  it.skipIf(Boolean(skip))('CONS31 CONS37 one statement at a time, fewest answers first; an answer can change, never count twice', async () => {
    const { url } = await start();
    const c = await openConsultation(url);
    const a = await person(c);
    const b = await person(c);
    const first = await seed(c, 'First statement.');
    const second = await seed(c, 'Second statement.');
    expect(await command(a.socket, 'statement:next', { questionId: c.questionId })).toMatchObject({ ok: true, next: { id: first.id }, answered: 0, total: 2 });
    expect(await command(a.socket, 'statement:answer', { statementId: first.id, vote: 'agree' })).toMatchObject({ ok: true, next: { id: second.id }, answered: 1, total: 2 });
    // b's next is the one with fewer answers: the second.
    expect(await command(b.socket, 'statement:next', { questionId: c.questionId })).toMatchObject({ ok: true, next: { id: second.id } });
    // a changes their mind: still one answer.
    expect(await command(a.socket, 'statement:answer', { statementId: first.id, vote: 'disagree' })).toMatchObject({ ok: true, answered: 1 });
    expect(await command(a.socket, 'statement:answer', { statementId: second.id, vote: 'pass' })).toMatchObject({ ok: true, next: null, answered: 2, total: 2 });
    const list = await command(b.socket, 'statement:list', { questionId: c.questionId });
    expect(list.ok && list.statements.map((s) => s.answers)).toEqual([1, 1]);
    // A new statement is everyone's next: it has the fewest answers.
    const third = await seed(c, 'Third statement.');
    expect(await command(a.socket, 'statement:next', { questionId: c.questionId })).toMatchObject({ ok: true, next: { id: third.id }, answered: 2, total: 3 });
    expect(await command(b.socket, 'statement:next', { questionId: c.questionId })).toMatchObject({ ok: true, next: { id: third.id } });
  });

  it.skipIf(Boolean(skip))(
    'CONS32 CONS33 CONS34 CONS36 forty clients in two camps: two groups, consensus and divisive statements, by stakeholder group; a restart keeps the report',
    async () => {
      const server = await start();
      const c = await openConsultation(server.url);
      const unite = ['Everyone should be online.', 'Skills matter.'];
      const campA = ['Regulate platforms strictly.', 'Public money for open source.', 'Data localisation is needed.'];
      const campB = ['Markets regulate themselves.', 'Private investment leads.', 'Data must flow freely.'];
      for (const text of [...unite, ...campA, ...campB]) await seed(c, text);

      // 20 + 20 people; a lone 'other' so one group is too small to show.
      const groups: StakeholderGroup[] = ['government', 'civil-society', 'academia', 'private-sector'];
      const people = await Promise.all(Array.from({ length: 40 }, (_, i) => person(c, i === 39 ? 'other' : groups[i % 4]!, `P${i}`)));
      const finalReport = within(
        nextEvent(c.staff, 'opinion:report', (r) => answersIn(r) === 40 * 8),
        'the report with every answer in',
        20_000,
      );
      const vote = (camp: 'A' | 'B') => (text: string) => (unite.includes(text) ? 'agree' : campA.includes(text) === (camp === 'A') ? 'agree' : 'disagree');
      const counts = await Promise.all(people.map((p, i) => answerAll(p.socket, c.questionId, vote(i % 2 === 0 ? 'A' : 'B'))));
      expect(counts.every((n) => n === 8)).toBe(true);

      const [report] = await finalReport;
      expect(report.groups.map((g) => g.size)).toEqual([20, 20]);
      const byText = (text: string) => report.statements.find((s) => s.text === text)!;
      for (const text of unite) expect(byText(text)).toMatchObject({ kind: 'consensus', tally: { agree: 40, disagree: 0, pass: 0 } });
      for (const text of [...campA, ...campB]) expect(byText(text).kind).toBe('divisive');
      // Each group's representative statements are its own camp's.
      for (const group of report.groups) {
        const texts = group.representative.map((id) => report.statements.find((s) => s.statementId === id)!.text);
        expect(texts.length).toBeGreaterThan(0);
        expect(texts.every((t) => campA.includes(t)) || texts.every((t) => campB.includes(t))).toBe(true);
      }
      const breakdown = byText(unite[0]!).byStakeholderGroup;
      expect(breakdown.government).toEqual({ agree: 10, disagree: 0, pass: 0 });
      expect(breakdown.other).toBeNull(); // one person: not shown (ATTR5)
      expect(report.points).toHaveLength(40);

      // Everyone got it, and opinion:get gives the stored one, also after a restart.
      const got = await command(people[0]!.socket, 'opinion:get', { questionId: c.questionId });
      expect(got.ok && got.report?.answerers).toBe(40);
      const port = server.port;
      await stop(server);
      const again = await start({ port });
      const reconnected = await connect(again.url, c.created.facilitatorToken);
      const after = await command(reconnected.socket, 'opinion:get', { questionId: c.questionId });
      expect(after.ok && after.report).toEqual((got.ok && got.report) as OpinionReport);
    },
  );

  it.skipIf(Boolean(skip))('CONS34 under anonymous attribution no stakeholder breakdown at all', async () => {
    const { url } = await start();
    const c = await openConsultation(url, { attribution: 'anonymous' });
    for (const text of ['One.', 'Two.', 'Three.', 'Four.', 'Five.']) await seed(c, text);
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(c, i < 4 ? 'government' : 'academia')));
    const reported = within(
      nextEvent(people[0]!.socket, 'opinion:report', (r) => answersIn(r) === 8 * 5),
      'the report',
      20_000,
    );
    await Promise.all(people.map((p, i) => answerAll(p.socket, c.questionId, (t) => ((t.length + i) % 2 ? 'agree' : 'disagree'))));
    const [report] = await reported;
    expect(report.statements).toHaveLength(5);
    for (const s of report.statements) expect(s.byStakeholderGroup).toEqual({});
    const got = await command(people[1]!.socket, 'opinion:get', { questionId: c.questionId });
    expect(got.ok && got.report?.statements.every((s) => Object.keys(s.byStakeholderGroup).length === 0)).toBe(true);
  });
});
