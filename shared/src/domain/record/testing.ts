// Fixed facts for record tests (not exported from index.ts): one small café and one small Town
// Hall whose texts hold what escaping must survive. Names and ids are distinctive so leak tests
// can search every output for them.
import type { KeyIdea } from '../notepad/ideas.js';
import type { Question } from '../townhall/qa.js';
import type { Attribution } from '../words.js';
import type { FactPerson, RecordFacts } from './facts.js';

export const T0 = Date.UTC(2026, 10, 23, 9, 0); // 2026-11-23 09:00 UTC
const MIN = 60_000; // ms

export const PEOPLE: FactPerson[] = [
  { id: 'pid-fac-7Q2x', displayName: 'Fatou Sall', role: 'facilitator', mode: 'in-room', stakeholderGroup: 'intergovernmental', removed: false },
  { id: 'pid-ami-9K4z', displayName: 'Amina Diallo', role: 'participant', mode: 'in-room', stakeholderGroup: 'civil-society', removed: false },
  { id: 'pid-bor-3M8w', displayName: 'Boris Petrov', role: 'host', mode: 'remote', stakeholderGroup: 'government', removed: false },
  { id: 'pid-che-5T1v', displayName: 'Chen Wei', role: 'participant', mode: 'remote', stakeholderGroup: 'academia', removed: false },
  { id: 'pid-rem-0R6u', displayName: 'Rémi Gone', role: 'participant', mode: 'in-room', stakeholderGroup: 'other', removed: true },
  { id: 'pid-ano-2A9y', displayName: null, role: 'participant', mode: 'in-room', stakeholderGroup: 'private-sector', removed: false },
];

/** Names a leak test must not find outside `named` (the removed person's included). */
export const NAMES = PEOPLE.flatMap((p) => (p.displayName ? [p.displayName] : []));
export const IDS = PEOPLE.map((p) => p.id);

/** A key idea as a notepad stores it under `named` (the author's name is in the document). */
function idea(id: string, tableId: string, round: number, text: string, by: FactPerson, minutes: number, marked = false): KeyIdea {
  return { id, text, author: by.displayName, group: by.stakeholderGroup, round, tableId, createdAt: T0 + minutes * MIN, marked };
}

const [fatou, amina, boris, chen, remi, anon] = PEOPLE as [FactPerson, FactPerson, FactPerson, FactPerson, FactPerson, FactPerson];

export function cafeFacts(attribution: Attribution): RecordFacts {
  const i1 = idea('i1', 'tA', 1, 'Open data by default', amina, 10, true);
  const i2 = idea('i2', 'tA', 1, 'Use <script>alert(1)</script> & friends | pipes', boris, 12);
  const i3 = idea('i3', 'tB', 1, '# not a heading', chen, 14, true);
  const i4 = idea('i4', 'tB', 2, 'Fund "local" hubs, not, just capitals', remi, 30, true);
  return {
    session: { id: 'sid-cafe-1', title: 'Open Talks: data & trust', format: 'cafe', languages: ['en', 'fr'], attribution, createdAt: T0, endedAt: null },
    people: PEOPLE,
    synthesis: 'Three threads ran through the tables:\n\n- trust\n- skills',
    cafe: {
      rounds: [
        { number: 1, question: 'What builds trust in data?', durationMs: 20 * MIN },
        { number: 2, question: 'Who pays for it?', durationMs: 20 * MIN },
      ],
      tables: [
        { id: 'tA', label: 'Table 1', kind: 'in-room' },
        { id: 'tB', label: 'Remote 1', kind: 'remote' },
      ],
      notes: [
        { tableId: 'tA', round: 1, text: 'We talked about *transparency*.\nA line with | a pipe.\nنريد بيانات مفتوحة', ideas: [i1, i2] },
        { tableId: 'tB', round: 1, text: '<b>bold?</b> no: text', ideas: [i3] },
        { tableId: 'tB', round: 2, text: '', ideas: [i4] },
      ],
      harvest: {
        themes: [{ name: 'Openness & reuse', ideas: [{ ...i1, key: 'tA/1/i1' }, { ...i3, key: 'tB/1/i3' }] }],
        unthemed: [{ ...i4, key: 'tB/2/i4' }],
      },
    },
    townhall: null,
  };
}

export function townhallFacts(attribution: Attribution): RecordFacts {
  const q = (id: string, authorId: string, text: string, votes: number, minutes: number, extra: Partial<Question> = {}): Question => ({
    id,
    authorId,
    text,
    anonymous: false,
    createdAt: T0 + minutes * MIN,
    status: 'visible',
    hiddenReason: null,
    pinned: false,
    mergedInto: null,
    votes,
    editedAt: null,
    answeredAt: null,
    ...extra,
  });
  const base = cafeFacts(attribution);
  return {
    ...base,
    session: { ...base.session, id: 'sid-th-1', title: 'Town Hall on AI', format: 'townhall', languages: ['en'] },
    cafe: null,
    townhall: {
      agenda: [
        { id: 'a1', title: 'Opening', durationMs: 5 * MIN, startedAt: T0, endedAt: T0 + 6 * MIN },
        { id: 'a2', title: 'Open floor', durationMs: 30 * MIN, startedAt: T0 + 6 * MIN, endedAt: null },
      ],
      questions: [
        q('q1', amina.id, 'How will small states take part?', 3, 8),
        q('q2', boris.id, 'Who audits the models?', 5, 9, { status: 'answered', answeredAt: T0 + 20 * MIN }),
        q('q3', chen.id, 'Same: who audits?', 0, 10, { status: 'hidden', mergedInto: 'q2' }),
        q('q4', chen.id, 'A secret question', 1, 11, { anonymous: true }),
        q('q5', anon.id, 'spam spam', 0, 12, { status: 'hidden', hiddenReason: 'off topic' }),
        q('q6', fatou.id, 'Never approved', 0, 13, { status: 'pending' }),
      ],
      polls: [
        {
          poll: { id: 'p1', kind: 'single', question: 'Which comes first?', options: [{ id: 'o1', label: 'Access' }, { id: 'o2', label: 'Skills' }], maxChoices: null, scale: null, maxEntries: 1, status: 'closed', resultsVisible: true, createdAt: T0, openedAt: T0 + MIN, closedAt: T0 + 3 * MIN },
          results: {
            pollId: 'p1',
            overall: { ballots: 4, options: [{ id: 'o1', label: 'Access', count: 3 }, { id: 'o2', label: 'Skills', count: 1 }], rating: null, words: null },
            byGroup: {
              'civil-society': { ballots: 3, options: [{ id: 'o1', label: 'Access', count: 2 }, { id: 'o2', label: 'Skills', count: 1 }], rating: null, words: null },
              academia: { ballots: 1, options: [{ id: 'o1', label: 'Access', count: 1 }, { id: 'o2', label: 'Skills', count: 0 }], rating: null, words: null },
            },
          },
        },
      ],
      speakers: [
        { participantId: boris.id, mode: 'remote', stakeholderGroup: 'government', topic: 'Audits', startedAt: T0 + 21 * MIN, endedAt: T0 + 23 * MIN + 5_000 },
        { participantId: amina.id, mode: 'in-room', stakeholderGroup: 'civil-society', topic: null, startedAt: T0 + 24 * MIN, endedAt: null },
      ],
      captions: [
        { text: 'Welcome, everyone.', language: 'en', at: T0 + MIN },
        { text: 'First question: <audits>.', language: 'en', at: T0 + 21 * MIN },
      ],
    },
  };
}
