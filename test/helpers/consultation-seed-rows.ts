// A consultation's rows written straight into the test database (what the core part's commands
// store), for the public page and the record to read: a set-up row, contributions, comments,
// responses, opinion reports. One more connection to the same database as the server's.
import { searchWords } from '../../shared/src/domain/consultation/index.js';
import { openDatabase, type DatabaseHandle } from '../../server/src/store/db.js';
import type { TestServer } from './server.js';

export async function rowsOf(server: TestServer): Promise<DatabaseHandle> {
  return openDatabase({ url: server.database.url, pgSchema: server.database.schema });
}

export interface QuestionRow {
  id: string;
  text: string;
  description?: string;
  statements?: boolean;
}

export async function setUp(h: DatabaseHandle, sessionId: string, questions: QuestionRow[], background = 'Why we ask.\n\nSecond paragraph.'): Promise<void> {
  const values = {
    settings: JSON.stringify({ background, access: 'link', moderation: 'post', supportsPerQuestion: 5, flagThreshold: 3 }),
    phase: 'comments',
    schedule: JSON.stringify({ contributions: Date.UTC(2026, 0, 5), comments: Date.UTC(2026, 1, 1), closed: null, answered: null }),
    questions: JSON.stringify(questions.map((q) => ({ description: '', statements: false, ...q }))),
    updated_at: Date.now(),
  };
  await h.db
    .insertInto('consultations')
    .values({ session_id: sessionId, ...values })
    .onConflict((oc) => oc.column('session_id').doUpdateSet(values))
    .execute();
}

export interface ContributionInput {
  id: string;
  sessionId: string;
  questionId: string;
  authorId: string | null;
  title: string;
  text: string;
  language?: string;
  group?: string | null;
  status?: 'published' | 'pending' | 'hidden';
  supports?: number;
  comments?: number;
  themes?: string[];
  createdAt: number;
  stances?: [number, number, number];
}

export async function contribution(h: DatabaseHandle, c: ContributionInput): Promise<void> {
  const [agree, disagree, neutral] = c.stances ?? [0, 0, 0];
  await h.db
    .insertInto('consultation_contributions')
    .values({
      id: c.id,
      session_id: c.sessionId,
      question_id: c.questionId,
      author_id: c.authorId,
      title: c.title,
      text: c.text,
      language: c.language ?? 'en',
      stakeholder_group: c.group === undefined ? 'academia' : c.group,
      mode: 'remote',
      status: c.status ?? 'published',
      hidden_reason: c.status === 'hidden' ? 'Off topic' : null,
      created_at: c.createdAt,
      edited_at: null,
      merged_into: null,
      themes: JSON.stringify(c.themes ?? []),
      carry: 0,
      flags: 0,
      reviewed: 0,
      supports: c.supports ?? 0,
      comments: c.comments ?? 0,
      agree,
      disagree,
      neutral,
      versions: 0,
      origin: null,
      search_text: searchWords(c.title, c.text),
    })
    .execute();
}

export async function comment(
  h: DatabaseHandle,
  m: {
    id: string;
    sessionId: string;
    contributionId: string;
    authorId: string;
    text: string;
    stance?: string;
    status?: string;
    group?: string;
    language?: string;
    createdAt: number;
  },
): Promise<void> {
  await h.db
    .insertInto('consultation_comments')
    .values({
      id: m.id,
      session_id: m.sessionId,
      contribution_id: m.contributionId,
      author_id: m.authorId,
      stance: m.stance ?? 'agree',
      text: m.text,
      language: m.language ?? 'en',
      stakeholder_group: m.group ?? 'academia',
      mode: 'remote',
      status: m.status ?? 'published',
      hidden_reason: null,
      created_at: m.createdAt,
    })
    .execute();
}

export async function response(h: DatabaseHandle, r: { id: string; sessionId: string; contributionIds: string[]; status: string; text: string; at: number }): Promise<void> {
  await h.db.insertInto('consultation_responses').values({ id: r.id, session_id: r.sessionId, status: r.status, text: r.text, responded_at: r.at, edited_at: null }).execute();
  for (const id of r.contributionIds) await h.db.insertInto('consultation_response_links').values({ contribution_id: id, response_id: r.id, session_id: r.sessionId }).execute();
}
