// The review of issue 16, the publish part's findings (items 4, 5, 6, 8, 9, 10 and the series
// sessions' positions of 11), through the real server on SQLite and PostgreSQL: each test failed
// before its fix.
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newId, newToken } from '../../server/src/auth/tokens.js';
import type { DraftText, SeriesDeps } from '../../server/src/series/deps.js';
import { SeriesVersions } from '../../server/src/series/publish/versions.js';
import { openDatabase, type DatabaseHandle } from '../../server/src/store/db.js';
import type { InformationDocument, SeriesStatistics, VersionSummary } from '../../shared/src/domain/series/index.js';
import { createSeries, createSession, http } from '../helpers/api.js';
import { writeDraft } from '../helpers/series-draft.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { STATISTICS } from '../unit/series-publish-fixture.js';

const targets = await storageTargets();
const TITLE = { symbol: 'OT/2026/INF.9', date: '2026-11-29', submittedBy: 'The Secretariat', title: 'Connectivity' };

async function get(url: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, { headers: { connection: 'close', ...headers } });
  return { status: response.status, etag: response.headers.get('etag'), body: Buffer.from(await response.arrayBuffer()) };
}

for (const { kind, skip } of targets) {
  describe.skipIf(Boolean(skip))(`the publish part after review (${kind})`, () => {
    let server: TestServer;
    let handle: DatabaseHandle;

    beforeAll(async () => {
      const database = await createTestDatabase(kind);
      server = await startTestServer({ database });
      handle = await openDatabase({ url: database.url, ...(database.schema && { pgSchema: database.schema }) });
    });
    afterAll(async () => {
      await handle?.db.destroy();
      await server?.close();
      await server?.database.drop();
    });

    /** A series with one café, a rapporteur, and an English draft typed in its room. */
    async function drafted(text = '# Findings\nPeople want affordable access.', title: Record<string, string> = TITLE) {
      const created = await createSeries(server.url, { languages: ['en', 'fr'], attribution: 'named' });
      const id = created.series.id;
      const cafe = await createSession(server.url, { title: 'Café', format: 'cafe', attribution: 'named' });
      await server.store.series.addSession(id, cafe.session.id, Date.now());
      const rapporteur = newToken('series');
      await server.store.series.insertMember({ id: newId(), seriesId: id, role: 'rapporteur', displayName: 'Rae', createdAt: Date.now(), removedAt: null }, hashToken(rapporteur));
      expect(await writeDraft(server.url, id, created.facilitatorToken, 'en', text, title)).toBe(true);
      return { id, token: created.facilitatorToken, rapporteur, sessionId: cafe.session.id, slug: (await server.store.series.byId(id))!.publicSlug };
    }

    it('review 4: four finalises at once give one 201 and 409 versionTaken for the others, never a 500', async () => {
      const s = await drafted();
      const answers = await Promise.all(Array.from({ length: 4 }, () => http(server.url, 'POST', `/api/series/${s.id}/versions`, { token: s.token, body: {} })));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409]);
      // One that started after version 1 landed asks for version 2, which needs its list of changes.
      for (const refused of answers.filter((a) => a.status === 409)) expect(['seriesDocument.versionTaken', 'seriesDocument.changesRequired']).toContain(refused.body.error.reason);
      expect((await http<{ versions: VersionSummary[] }>(server.url, 'GET', `/api/series/${s.id}/versions`, { token: s.token })).body.versions).toHaveLength(1);
    });

    it('SER112 review 5: a rapporteur’s new version is not public until the organiser publishes it', async () => {
      const s = await drafted();
      const v1 = await http(server.url, 'POST', `/api/series/${s.id}/versions`, { token: s.rapporteur, body: {} });
      expect(v1.status).toBe(201);
      // The organiser publishes: the page shows version 1, the latest then.
      const published = await http(server.url, 'POST', `/api/series/${s.id}/publication`, { token: s.token, body: { published: true } });
      expect(published.body.publication).toMatchObject({ published: true, publishedVersion: 1, latestVersion: 1 });
      // The rapporteur finalises version 2: finalised, not public.
      const v2 = await http(server.url, 'POST', `/api/series/${s.id}/versions`, { token: s.rapporteur, body: { changes: 'Paragraph 1 reworded.' } });
      expect(v2.status).toBe(201);
      const json = await http(server.url, 'GET', `/api/public/series/${s.slug}`);
      expect(json.body).toMatchObject({ version: 1 });
      expect(json.body.versions.map((v: VersionSummary) => v.version)).toEqual([1]);
      expect((await http(server.url, 'GET', `/api/public/series/${s.slug}?version=2`)).status).toBe(404);
      expect((await get(server.url, `/d/${s.slug}?version=2`)).status).toBe(404);
      expect((await get(server.url, `/d/${s.slug}`)).body.toString()).not.toContain('Paragraph 1 reworded.');
      // The console says so; a rapporteur may not publish it.
      expect((await http(server.url, 'GET', `/api/series/${s.id}/publication`, { token: s.rapporteur })).body.publication).toMatchObject({ publishedVersion: 1, latestVersion: 2 });
      expect((await http(server.url, 'POST', `/api/series/${s.id}/publication`, { token: s.rapporteur, body: { published: true, version: 2 } })).status).toBe(403);
      expect((await http(server.url, 'POST', `/api/series/${s.id}/publication`, { token: s.token, body: { published: true, version: 3 } })).status).toBe(404);
      expect((await http(server.url, 'POST', `/api/series/${s.id}/publication`, { token: s.token, body: { published: true, version: 0 } })).status).toBe(400);
      // The organiser publishes version 2.
      const second = await http(server.url, 'POST', `/api/series/${s.id}/publication`, { token: s.token, body: { published: true, version: 2 } });
      expect(second.body.publication).toMatchObject({ publishedVersion: 2, latestVersion: 2 });
      expect((await http(server.url, 'GET', `/api/public/series/${s.slug}`)).body.version).toBe(2);
      expect((await get(server.url, `/d/${s.slug}`)).body.toString()).toContain('Paragraph 1 reworded.');
      // Taken down and up again: still version 2 (the choice is kept).
      await http(server.url, 'DELETE', `/api/series/${s.id}/publication`, { token: s.token });
      const again = await http(server.url, 'POST', `/api/series/${s.id}/publication`, { token: s.token, body: {} });
      expect(again.body.publication).toMatchObject({ published: true, publishedVersion: 2 });
    });

    it('review 6: a published version is served from the cache, with an ETag and 304 for a reader who has it', async () => {
      const s = await drafted('# Findings\nThe frozen words.');
      expect((await http(server.url, 'POST', `/api/series/${s.id}/versions`, { token: s.token, body: {} })).status).toBe(201);
      await http(server.url, 'POST', `/api/series/${s.id}/publication`, { token: s.token, body: { published: true } });
      const paths = [`/d/${s.slug}`, `/d/${s.slug}/document.html`, `/api/public/series/${s.slug}`];
      const first = await Promise.all(paths.map((p) => get(server.url, p)));
      for (const [i, answer] of first.entries()) {
        expect(answer.status, paths[i]).toBe(200);
        expect(answer.body.toString(), paths[i]).toContain('The frozen words.');
        expect(answer.etag, paths[i]).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      }
      // The stored row changed behind the server's back: a frozen version never changes, so what
      // is served is what was kept, not read and parsed again.
      const row = await handle.db.selectFrom('series_versions').select('document').where('series_id', '=', s.id).executeTakeFirstOrThrow();
      await handle.db
        .updateTable('series_versions')
        .set({ document: row.document.replace('The frozen words.', 'Read again from storage.') })
        .where('series_id', '=', s.id)
        .execute();
      for (const [i, path] of paths.entries()) {
        const second = await get(server.url, path);
        expect(second.body.toString(), path).toContain('The frozen words.');
        expect(second.etag, path).toBe(first[i]!.etag);
        // As a browser revalidates (fetch would add `cache-control: no-cache` to a conditional request).
        const revalidated = await get(server.url, path, { 'if-none-match': first[i]!.etag!, 'cache-control': 'max-age=0' });
        expect(revalidated.status, path).toBe(304);
        expect(revalidated.body.length, path).toBe(0);
      }
    });

    it('review 8: a title block the protocol refuses is refused at finalise; characters XML forbids never reach the DOCX', async () => {
      const bad = await drafted('# Findings\nText.', { ...TITLE, symbol: 'OT/\u202E2026' });
      const refused = await http(server.url, 'POST', `/api/series/${bad.id}/versions`, { token: bad.token, body: {} });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ reason: 'seriesDocument.invalidTitle', params: { fields: 'symbol' } });
      expect((await http(server.url, 'GET', `/api/series/${bad.id}/versions`, { token: bad.token })).body.versions).toEqual([]);

      // (A lone surrogate cannot travel through the room's UTF-8; xml-safe.test.ts covers it.)
      const s = await drafted('# Findings\nBroken\uFFFF char and a\u0001 control.', { ...TITLE, title: 'Connectivity\uFFFE' });
      expect((await http(server.url, 'POST', `/api/series/${s.id}/versions`, { token: s.token, body: {} })).status).toBe(201);
      const file = await get(server.url, `/api/series/${s.id}/versions/1/export?format=docx`, { authorization: `Bearer ${s.token}` });
      expect(file.status).toBe(200);
      const xml = strFromU8(unzipSync(new Uint8Array(file.body))['word/document.xml']!);
      expect(xml).not.toMatch(/[\uFFFE\uFFFF]|[\uD800-\uDFFF]/);
      expect(xml).toContain('Broken char and a control.');
      expect((await mammoth.extractRawText({ buffer: file.body })).value).toContain('Connectivity');
    });

    it('review 10: the public JSON, page and printable file carry no session id', async () => {
      const s = await drafted('# Findings\nCounted.\n\n[[stats]]\n\n[[annex]]');
      expect((await http(server.url, 'POST', `/api/series/${s.id}/versions`, { token: s.token, body: {} })).status).toBe(201);
      const doc = (await http<{ document: InformationDocument }>(server.url, 'GET', `/api/series/${s.id}/versions/1`, { token: s.token })).body.document;
      // The console's own read keeps them; the public's do not.
      expect(JSON.stringify(doc)).toContain(s.sessionId);
      await http(server.url, 'POST', `/api/series/${s.id}/publication`, { token: s.token, body: { published: true } });
      for (const path of [`/api/public/series/${s.slug}`, `/d/${s.slug}`, `/d/${s.slug}/document.html`]) {
        const answer = await get(server.url, path);
        expect(answer.status, path).toBe(200);
        expect(answer.body.toString(), path).not.toContain(s.sessionId);
        expect(answer.body.toString(), path).not.toContain('sessionId');
      }
    });

    it('review 11: sessions added to a series at once each get their own position', async () => {
      const created = await createSeries(server.url, {});
      const sessions = await Promise.all(Array.from({ length: 6 }, (_, i) => createSession(server.url, { title: `S${i}`, format: 'cafe' })));
      const added = await Promise.all(sessions.map((s) => server.store.series.addSession(created.series.id, s.session.id, Date.now())));
      expect(added).toEqual(sessions.map(() => true));
      const rows = await handle.db.selectFrom('series_sessions').select('position').where('series_id', '=', created.series.id).orderBy('position').execute();
      expect(rows.map((r) => Number(r.position))).toEqual([1, 2, 3, 4, 5, 6]);
      // Adding one again changes nothing.
      expect(await server.store.series.addSession(created.series.id, sessions[0]!.session.id, Date.now())).toBe(false);
    });

    it('review 9: a translation keeps the original’s statistics (none if it had none) and follows the version’s own original language', async () => {
      const created = await createSeries(server.url, { languages: ['en', 'fr', 'ar'], attribution: 'named' });
      const drafts = new Map<string, DraftText>();
      let statisticsAsked = 0;
      const deps: ConstructorParameters<typeof SeriesVersions>[0] = {
        store: server.store,
        log: pino({ level: 'silent' }),
        now: Date.now,
        drafts: { read: async (_id, language) => drafts.get(language) ?? { text: '', title: TITLE } },
        evidence: {
          items: async () => [],
          references: async () => [],
          statistics: async (): Promise<SeriesStatistics> => {
            statisticsAsked++;
            return STATISTICS;
          },
          // Gathers (the original's finalise); only a statistics() call for a translation would be wrong.
          collect: async () => ({ items: [], references: [], statistics: STATISTICS }),
        } satisfies SeriesDeps['evidence'],
      };
      const versions = new SeriesVersions(deps);
      const series = (await server.store.series.byId(created.series.id))!;
      const member = (await server.store.series.members(series.id))[0]!;
      drafts.set('en', { text: '# Findings\nNo table in the original.', title: TITLE });
      await versions.finalise({ series, member }, '');
      expect(statisticsAsked).toBe(0);
      // The translator put a statistics block in: left out, not computed today.
      drafts.set('fr', { text: '# Constats\nUn tableau.\n\n[[stats]]', title: TITLE });
      await versions.attachTranslation({ series, member }, 1, 'fr');
      expect(statisticsAsked).toBe(0);
      expect((await versions.document(series, 1, 'fr')).blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
      // The series' original language changes after version 1: Arabic may be attached to v1, English may not.
      await server.store.series.update(series.id, { originalLanguage: 'ar' });
      const changed = (await server.store.series.byId(series.id))!;
      drafts.set('ar', { text: '# النتائج\nنص.', title: TITLE });
      expect(await versions.attachTranslation({ series: changed, member }, 1, 'ar')).toMatchObject({ version: 1, languages: ['en', 'ar', 'fr'] });
      await expect(versions.attachTranslation({ series: changed, member }, 1, 'en')).rejects.toMatchObject({ code: 'bad_request' });
    });

    it('review 7: finalise freezes references, items and statistics from one gathering when the source can collect once', async () => {
      const created = await createSeries(server.url, { languages: ['en'], attribution: 'named' });
      const asked: string[] = [];
      const one = async (what: string) => {
        asked.push(what);
        return [];
      };
      // The evidence part's collect (on its branch): one gathering gives all three.
      const evidence = {
        items: () => one('items'),
        references: () => one('references'),
        statistics: async () => (asked.push('statistics'), STATISTICS),
        collect: async (_series: unknown, options?: { fresh?: boolean }) => {
          asked.push(`collect ${JSON.stringify(options)}`);
          return { items: [], references: [], statistics: STATISTICS };
        },
      } as SeriesDeps['evidence'];
      const versions = new SeriesVersions({
        store: server.store,
        log: pino({ level: 'silent' }),
        now: Date.now,
        drafts: { read: async () => ({ text: '# Findings\nCounted.\n\n[[stats]]', title: TITLE }) },
        evidence,
      });
      const series = (await server.store.series.byId(created.series.id))!;
      const member = (await server.store.series.members(series.id))[0]!;
      await versions.finalise({ series, member }, '');
      expect(asked).toEqual(['collect {"fresh":true}']);
      expect((await versions.document(series, 1, undefined)).blocks.find((b) => b.kind === 'stats')).toEqual({ kind: 'stats', statistics: STATISTICS });
    });
  });
}
