import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecordDocument } from '../../shared/src/index.js';
import { parseCsv } from '../helpers/csv.js';
import { consultationWorld, type ConsultationWorld } from '../helpers/consultation-world.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// A consultation's record in every format through the real server (CONS68, docs/record.md), on
// SQLite and PostgreSQL: questions, contributions, comments, responses, statistics, the annex with
// references, and the attribution (anonymous: no name, group or mode anywhere).

const targets = await storageTargets();

async function exported(server: TestServer, world: ConsultationWorld, format: string, lang = 'en'): Promise<string> {
  const response = await fetch(`${server.url}/api/sessions/${world.sessionId}/export?format=${format}&lang=${lang}`, {
    headers: { authorization: `Bearer ${world.created.facilitatorToken}` },
  });
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  return format === 'docx' ? (await mammoth.extractRawText({ buffer: body })).value : body.toString('utf8');
}

describe.each(targets)('the consultation record on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`consultation record on ${kind} skipped: ${skip}`);
  let server: TestServer;
  let named: ConsultationWorld;
  let anonymous: ConsultationWorld;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
    named = await consultationWorld(server, 'named');
    anonymous = await consultationWorld(server, 'anonymous');
  });
  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
  });

  it.skipIf(Boolean(skip))('CONS68 Markdown, HTML and DOCX hold the questions, contributions, responses, statistics and the annex', async () => {
    for (const format of ['md', 'html', 'docx']) {
      const text = await exported(server, named, format);
      for (const expected of [
        'Why we ask.',
        'How should data be shared?',
        'C-1 Open data by default',
        'Publish government data openly.',
        'Supports: 7',
        'Official response — Taken up',
        'We will publish an open data plan.',
        'Yes, but mind the costs.',
        'Annex: every published contribution and comment, word for word',
        'C-1.1',
        'C-1.2',
        'Ann Example',
        'By stakeholder group',
        'By language',
        'Openness',
      ]) {
        expect(text, `${format}: ${expected}`).toContain(expected);
      }
      for (const absent of ['HIDDEN-TITLE', 'PENDING-TITLE', 'HIDDEN-COMMENT', 'Synthesis']) expect(text, `${format}: ${absent}`).not.toContain(absent);
    }
    const html = await exported(server, named, 'html');
    expect(html).toContain('Escape &lt;script&gt;');
    expect(html).not.toContain('<script>alert');
  });

  it.skipIf(Boolean(skip))('CONS68 JSON carries the references in order, and CSV one row per contribution and comment', async () => {
    const record = JSON.parse(await exported(server, named, 'json')) as SessionRecordDocument;
    const c = record.consultation!;
    expect(c.questions.map((q) => q.contributions.map((x) => x.reference))).toEqual([
      ['C-1', 'C-2'],
      ['C-3', 'C-4'],
    ]);
    expect(c.questions[0]!.contributions[0]!.comments.map((m) => [m.reference, m.stance, m.text])).toEqual([
      ['C-1.1', 'agree', 'Yes, but mind the costs.'],
      ['C-1.2', 'disagree', 'Privacy first.'],
    ]);
    expect(c.questions[0]!.contributions[0]!.credit).toEqual({ name: 'Ann Example', group: 'academia' });
    expect(c.questions[0]!.contributions[0]!.response).toMatchObject({ status: 'taken-up' });
    expect(c.statistics.total).toEqual({ contributors: 3, contributions: 4, comments: 2 });
    expect(c.statistics.byLanguage.find((r) => r.key === 'fr')).toMatchObject({ contributions: 1 });
    const rows = parseCsv((await exported(server, named, 'csv')).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(expect.arrayContaining(['reference', 'kind', 'text', 'author', 'stakeholder_group']));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['C-1', 'C-1.1', 'C-1.2', 'C-2', 'C-3', 'C-4']);
  });

  it.skipIf(Boolean(skip))('CONS68 under anonymous no name, group or mode appears in any format, and small groups are not shown', async () => {
    // Group and mode names appear only as the rows of the counts tables (attendance, statistics), never by a contribution.
    const leaks = ['Ann Example', 'Bob Builder', 'Chen Wei', 'Ann Example (', ', Academia', '(Academia)', '(Private sector)'];
    for (const format of ['md', 'html', 'docx', 'csv']) {
      const text = await exported(server, anonymous, format);
      expect(text).toContain('Open data by default');
      for (const leak of leaks) expect(text, `${format}: ${leak}`).not.toContain(leak);
    }
    const rows = parseCsv((await exported(server, anonymous, 'csv')).replace(/^\uFEFF/, ''));
    const [group, author] = [rows[0]!.indexOf('stakeholder_group'), rows[0]!.indexOf('author')];
    for (const row of rows.slice(1)) expect([row[group], row[author]]).toEqual(['', '']);
    const md = await exported(server, anonymous, 'md');
    const annex = md.slice(md.indexOf('## Annex'));
    for (const word of ['Academia', 'Private sector', 'Remote', 'In the room']) expect(annex).not.toContain(word);
    const record = JSON.parse(await exported(server, anonymous, 'json')) as SessionRecordDocument;
    const json = JSON.stringify(record.consultation);
    for (const leak of ['Ann Example', 'Bob Builder', 'Chen Wei', 'remote']) expect(json).not.toContain(leak);
    for (const q of record.consultation!.questions) for (const x of q.contributions) expect(x.credit).toEqual({ name: null, group: null });
    // Two academics and one from the private sector: every group's count is too small to show.
    for (const row of record.consultation!.statistics.byGroup) expect(row.contributors).toBeNull();
  });

  it.skipIf(Boolean(skip))('CONS68 headings follow the language asked for', async () => {
    const fr = await exported(server, named, 'md', 'fr');
    expect(fr).toContain('Annexe : toutes les contributions');
    expect(fr).toContain('Réponse officielle — Retenue');
    const ar = await exported(server, named, 'html', 'ar');
    expect(ar).toContain('dir="rtl"');
    expect(ar).toContain('الملحق');
  });
});
