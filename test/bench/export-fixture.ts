// A synthetic record written straight into storage for `npm run bench:export`: a café of 1,000
// people at 200 tables over 4 rounds (notes and key ideas in every notepad) and a Town Hall with
// the same 1,000 people, 2,000 questions, polls, a speaker log and a transcript.
import { randomBytes } from 'node:crypto';
import { createPoll, STAKEHOLDER_GROUPS, MODES, type Question } from '../../shared/src/index.js';
import { DEFAULT_PROJECTOR_CHOICE } from '../../shared/src/domain/projector.js';
import * as Y from 'yjs';
import { hashToken, newToken } from '../../server/src/auth/tokens.js';
import type { Store } from '../../server/src/store/index.js';

export const SIZE = { people: 1_000, tables: 200, rounds: 4, questions: 2_000, polls: 5, speakers: 60, captions: 600 } as const;
const T0 = Date.UTC(2026, 10, 23, 9, 0);
const SENTENCE = 'We agreed that public data should be open by default, with care for privacy and for who pays. ';

const id = () => randomBytes(9).toString('base64url');

async function session(store: Store, format: 'cafe' | 'townhall'): Promise<{ sessionId: string; token: string; people: string[] }> {
  const sessionId = id();
  await store.sessions.insert(
    {
      id: sessionId,
      title: `Bench ${format}`,
      format,
      attribution: 'group',
      languages: ['en', 'fr'],
      joinCode: id().slice(0, 6),
      createdAt: T0,
      endedAt: null,
      observerNotes: true,
      projector: DEFAULT_PROJECTOR_CHOICE,
      machineTranslation: true,
    },
    hashToken(newToken('projector')),
  );
  const token = newToken('participant');
  const people: string[] = [];
  await store.transaction(async (repos) => {
    for (let i = 0; i < SIZE.people; i++) {
      const pid = id();
      people.push(pid);
      await repos.participants.insert(
        {
          id: pid,
          sessionId,
          displayName: `Person ${i}`,
          role: i === 0 ? 'facilitator' : 'participant',
          mode: MODES[i % 2]!,
          stakeholderGroup: STAKEHOLDER_GROUPS[i % STAKEHOLDER_GROUPS.length]!,
          language: 'en',
          joinedAt: T0 + i,
          removedAt: null,
        },
        i === 0 ? hashToken(token) : hashToken(newToken('participant')),
      );
    }
  });
  return { sessionId, token, people };
}

function notepad(tableId: string, round: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, SENTENCE.repeat(6));
  const ideas = doc.getArray<Y.Map<unknown>>('ideas');
  for (let i = 0; i < 3; i++) {
    const idea = new Y.Map<unknown>();
    ideas.push([idea]);
    for (const [k, v] of Object.entries({
      id: `i${i}`,
      text: `Key idea ${i} of ${tableId} in round ${round}`,
      author: null,
      group: 'academia',
      round,
      tableId,
      createdAt: T0 + i,
      marked: i === 0,
    }))
      idea.set(k, v);
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export async function writeCafe(store: Store): Promise<{ sessionId: string; token: string }> {
  const { sessionId, token } = await session(store, 'cafe');
  const tables = Array.from({ length: SIZE.tables }, (_, i) => ({
    id: id(),
    label: `Table ${i + 1}`,
    kind: 'in-room' as const,
    capacity: 6,
    hostParticipantId: null,
    videoUrl: null,
    hubParticipantId: null,
  }));
  await store.cafe.replaceTables(sessionId, tables);
  await store.cafe.replaceRounds(
    sessionId,
    Array.from({ length: SIZE.rounds }, (_, i) => ({ number: i + 1, question: `Question of round ${i + 1}?`, durationMs: 20 * 60_000 })),
  );
  await store.transaction(async (repos) => {
    for (const table of tables) {
      for (let round = 1; round <= SIZE.rounds; round++) {
        const room = `session/${sessionId}/table/${table.id}/round/${round}`;
        await repos.notepads.compact(room, sessionId, notepad(table.id, round), 0, T0);
      }
    }
  });
  return { sessionId, token };
}

export async function writeTownhall(store: Store): Promise<{ sessionId: string; token: string }> {
  const { sessionId, token, people } = await session(store, 'townhall');
  await store.transaction(async (repos) => {
    const questions: Question[] = Array.from({ length: SIZE.questions }, (_, i) => ({
      id: id(),
      authorId: people[i % people.length]!,
      text: `Question ${i}: how will the plan reach remote hubs and small states?`,
      language: 'en',
      anonymous: i % 7 === 0,
      createdAt: T0 + i * 1_000,
      status: i % 10 === 0 ? 'answered' : 'visible',
      hiddenReason: null,
      pinned: false,
      mergedInto: null,
      votes: i % 50,
      editedAt: null,
      answeredAt: i % 10 === 0 ? T0 + i * 1_000 + 60_000 : null,
    }));
    await repos.qa.apply(
      sessionId,
      questions.map((question) => ({ type: 'question', question })),
    );
    for (let p = 0; p < SIZE.polls; p++) {
      const created = createPoll(id(), { kind: 'single', question: `Poll ${p}?`, options: ['Access', 'Skills', 'Trust', 'Funding'] }, T0);
      if (!created.ok) throw new Error(created.error.message);
      const poll = { ...created.poll, status: 'closed' as const };
      await repos.polls.savePoll(sessionId, poll);
      for (const [i, pid] of people.entries()) {
        await repos.polls.applyBallot(sessionId, {
          pollId: poll.id,
          participantId: pid,
          previous: null,
          ballot: { participantId: pid, stakeholderGroup: STAKEHOLDER_GROUPS[i % STAKEHOLDER_GROUPS.length]!, keys: [`o${(i % 4) + 1}`], spellings: null, castAt: T0 + i },
        });
      }
    }
    for (let s = 0; s < SIZE.speakers; s++) {
      await repos.speakers.open(sessionId, id(), { participantId: people[s]!, mode: 'in-room', stakeholderGroup: 'academia', topic: `Topic ${s}`, startedAt: T0 + s * 120_000 });
      await repos.speakers.close(sessionId, T0 + s * 120_000 + 90_000);
    }
    await repos.townhall.addCaptions(
      sessionId,
      Array.from({ length: SIZE.captions }, (_, i) => ({ id: id(), seq: i, text: `Caption line ${i}: ${SENTENCE}`, language: 'en' as const, at: T0 + i * 5_000 })),
    );
  });
  return { sessionId, token };
}
