// A small consultation's facts for the evidence tests, beside the record fixtures' café and Town Hall.
import type { RecordFacts } from '../../record/facts.js';
import type { FactConsultation } from '../../record/consultation-types.js';
import type { Attribution } from '../../words.js';
import { PEOPLE, T0 } from '../../../../../test/fixtures/record-facts.js';

export function consultationFacts(attribution: Attribution): RecordFacts {
  const c = (id: string, authorId: string | null, group: string | null, title: string, text: string, extra: Partial<FactConsultation['contributions'][number]> = {}) => ({
    id,
    questionId: 'cq1',
    authorId,
    authorName: authorId ? `Contributor ${title}` : null,
    group,
    title,
    text,
    language: 'fr' as const,
    supports: 2,
    stances: { agree: 1, disagree: 0, neutral: 0 },
    themes: ['access'],
    origin: null,
    createdAt: T0,
    response: null,
    ...extra,
  });
  const consultation = {
    config: { questions: [{ id: 'cq1', text: 'What should change?', description: '', statements: true }] },
    phase: 'answered',
    contributions: [
      c('k1', PEOPLE[1]!.id, 'civil-society', 'Open the data', 'All of it.', { response: { status: 'taken-up', text: 'We will.', at: T0 + 1 } }),
      c('k2', PEOPLE[3]!.id, 'academia', '', 'Fund research.', { themes: [], language: 'en' }),
      c('k3', null, null, 'Seed', 'Carried in.'),
    ],
    comments: [],
    opinions: [
      {
        questionId: 'cq1',
        answerers: 9,
        groups: [
          { index: 0, size: 5 },
          { index: 1, size: 4 },
        ],
        statements: [{ text: 'Data is a commons', tally: { agree: 6, disagree: 2, pass: 1 }, kind: 'consensus' }],
      },
    ],
  } as unknown as FactConsultation;
  return {
    session: { id: 'sid-con-1', title: 'Consultation', format: 'consultation', languages: ['en', 'fr'], attribution, createdAt: T0, endedAt: null },
    people: PEOPLE.map((p) => ({ ...p, language: 'fr' as const })),
    synthesis: '',
    cafe: null,
    townhall: null,
    consultation,
  };
}
