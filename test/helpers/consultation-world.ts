// A published consultation with people, contributions, comments and a response, for the public
// page's and the record's tests (integration and browser).
import type { Attribution } from '../../shared/src/index.js';
import { createSession, http, join, type Created, type Joined } from './api.js';
import { comment, contribution, response, rowsOf, setUp } from './consultation-seed-rows.js';
import type { TestServer } from './server.js';

export interface ConsultationWorld {
  created: Created;
  sessionId: string;
  slug: string;
  ann: Joined;
  bob: Joined;
  chen: Joined;
  /** A row's stored id from its local name (c1, m1 …). */
  id: (local: string) => string;
}

const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 10);

export async function consultationWorld(server: TestServer, attribution: Attribution = 'named'): Promise<ConsultationWorld> {
  const created = await createSession(server.url, { title: 'Digital cooperation <consultation>', format: 'consultation', attribution, languages: ['en', 'fr', 'ar'] });
  const sessionId = created.session.id;
  const code = created.session.joinCode;
  const ann = await join(server.url, code, { displayName: 'Ann Example', stakeholderGroup: 'academia' });
  const bob = await join(server.url, code, { displayName: 'Bob Builder', stakeholderGroup: 'private-sector' });
  const chen = await join(server.url, code, { displayName: 'Chen Wei', stakeholderGroup: 'academia' });
  // Ids unique per world: several worlds share one database.
  const tag = sessionId.slice(0, 8);
  const h = await rowsOf(server);
  try {
    await setUp(h, sessionId, [
      { id: 'q1', text: 'How should data be shared?', description: 'Think of public data.' },
      { id: 'q2', text: 'What should schools teach?' },
    ]);
    const base = { sessionId };
    await contribution(h, {
      ...base,
      id: `${tag}c1`,
      questionId: 'q1',
      authorId: ann.participant.id,
      title: 'Open data by default',
      text: 'Publish government data openly.\n\nWith privacy safeguards.',
      supports: 7,
      comments: 2,
      themes: ['Openness'],
      createdAt: T0,
      stances: [1, 1, 0],
    });
    await contribution(h, {
      ...base,
      id: `${tag}c2`,
      questionId: 'q1',
      authorId: bob.participant.id,
      title: 'Paid data markets',
      text: 'Let companies sell anonymised data.',
      group: 'private-sector',
      supports: 2,
      createdAt: T0 + DAY,
    });
    await contribution(h, {
      ...base,
      id: `${tag}c3`,
      questionId: 'q2',
      authorId: chen.participant.id,
      title: 'Éducation au numérique',
      text: 'Apprendre à programmer dès le primaire.',
      language: 'fr',
      supports: 4,
      comments: 0,
      themes: ['Skills'],
      createdAt: T0 + 2 * DAY,
    });
    await contribution(h, {
      ...base,
      id: `${tag}c4`,
      questionId: 'q1',
      authorId: bob.participant.id,
      title: 'HIDDEN-TITLE spam',
      text: 'spam',
      status: 'hidden',
      createdAt: T0 + 3 * DAY,
    });
    await contribution(h, {
      ...base,
      id: `${tag}c5`,
      questionId: 'q2',
      authorId: ann.participant.id,
      title: 'PENDING-TITLE wait',
      text: 'not yet',
      status: 'pending',
      createdAt: T0 + 4 * DAY,
    });
    await contribution(h, {
      ...base,
      id: `${tag}c6`,
      questionId: 'q2',
      authorId: ann.participant.id,
      title: 'Escape <script>alert(1)</script> & check',
      text: 'Text with <b>tags</b> "quoted"',
      supports: 0,
      createdAt: T0 + 5 * DAY,
    });
    await comment(h, {
      ...base,
      id: `${tag}m1`,
      contributionId: `${tag}c1`,
      authorId: bob.participant.id,
      text: 'Yes, but mind the costs.',
      stance: 'agree',
      group: 'private-sector',
      createdAt: T0 + DAY,
    });
    await comment(h, { ...base, id: `${tag}m2`, contributionId: `${tag}c1`, authorId: chen.participant.id, text: 'Privacy first.', stance: 'disagree', createdAt: T0 + 2 * DAY });
    await comment(h, {
      ...base,
      id: `${tag}m3`,
      contributionId: `${tag}c1`,
      authorId: chen.participant.id,
      text: 'HIDDEN-COMMENT rude',
      stance: 'neutral',
      status: 'hidden',
      createdAt: T0 + 2 * DAY,
    });
    await response(h, { id: `${tag}r1`, sessionId, contributionIds: [`${tag}c1`], status: 'taken-up', text: 'We will publish an open data plan.', at: T0 + 10 * DAY });
  } finally {
    await h.db.destroy();
  }
  const published = await http(server.url, 'POST', `/api/sessions/${sessionId}/publication`, { token: created.facilitatorToken, body: {} });
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return { created, sessionId, slug: published.body.publication.slug as string, ann, bob, chen, id: (local) => `${tag}${local}` };
}
