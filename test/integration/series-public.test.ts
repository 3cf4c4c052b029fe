import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newId, newToken } from '../../server/src/auth/tokens.js';
import { http } from '../helpers/api.js';
import { publicWorld, insertVersion, type PublicWorld } from '../helpers/series-public.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { fixtureDocument } from '../fixtures/series-document.js';

// The series' publication and public page through the real server (docs/series.md, SER111–SER118),
// on both storages: publish and unpublish with a member's token, the public JSON and the
// server-rendered page at /d/:slug, its languages and versions, 404 while not published.

const targets = await storageTargets();

async function page(url: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, { headers });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

describe.each(targets)('the series public page on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`series public page on ${kind} skipped: ${skip}`);
  let server: TestServer;
  let world: PublicWorld;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
    world = await publicWorld(server);
  });
  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
  });

  it.skipIf(Boolean(skip))('SER111 publishing needs the organiser’s token; a rapporteur reads but may not publish', async () => {
    const path = `/api/series/${world.seriesId}/publication`;
    expect((await http(server.url, 'POST', path, { body: {} })).status).toBe(401);
    expect((await http(server.url, 'DELETE', path)).status).toBe(401);
    expect((await http(server.url, 'GET', path)).status).toBe(401);
    // A rapporteur of the series (its members part makes them by link; here straight into storage).
    const token = newToken('series');
    await server.store.series.insertMember(
      { id: newId(), seriesId: world.seriesId, role: 'rapporteur', displayName: 'Rae', createdAt: Date.now(), removedAt: null },
      hashToken(token),
    );
    const read = await http(server.url, 'GET', path, { token });
    expect(read.status).toBe(200);
    expect(read.body.publication).toEqual({ slug: world.slug, path: `/d/${world.slug}`, published: false, publishedAt: null, publishedVersion: null, latestVersion: 0 });
    const refused = await http(server.url, 'POST', path, { token, body: {} });
    expect(refused.status).toBe(403);
    expect((await server.store.series.byId(world.seriesId))!.publishedAt).toBeNull();
    // A bad body changes nothing.
    const bad = await http(server.url, 'POST', path, { token: world.token, body: { published: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect((await server.store.series.byId(world.seriesId))!.publishedAt).toBeNull();
  });

  it.skipIf(Boolean(skip))('SER112 SER118 not published: the JSON and the page are 404, the page in the visitor’s language', async () => {
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}`)).status).toBe(404);
    const fr = await page(server.url, `/d/${world.slug}`, { 'accept-language': 'fr' });
    expect(fr.status).toBe(404);
    expect(fr.html).toContain('<html lang="fr" dir="ltr">');
    expect(fr.html).toContain('Cette page n’est pas publiée');
    const ar = await page(server.url, `/d/${world.slug}?lang=ar`);
    expect(ar.status).toBe(404);
    expect(ar.html).toContain('dir="rtl"');
    expect((await page(server.url, '/d/no-such-series')).status).toBe(404);
    expect((await page(server.url, '/d/bad%00slug')).status).toBe(404);
  });

  it.skipIf(Boolean(skip))('SER111 SER113 SER114 published without a version: sessions with their records, no document yet', async () => {
    const published = await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: { published: true } });
    expect(published.status).toBe(201);
    expect(published.body.publication).toMatchObject({ slug: world.slug, path: `/d/${world.slug}`, published: true });
    const at = published.body.publication.publishedAt as number;
    // Publishing again keeps the first date.
    const again = await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: {} });
    expect(again.body.publication.publishedAt).toBe(at);

    const json = await http(server.url, 'GET', `/api/public/series/${world.slug}`);
    expect(json.status).toBe(200);
    expect(json.body.series).toMatchObject({ title: 'Open Talks on data <governance>', topic: 'How should data be shared?', originalLanguage: 'en' });
    expect(json.body.sessions).toEqual([
      expect.objectContaining({ title: 'Café on data', format: 'cafe', publicPath: world.cafeRecordPath }),
      expect.objectContaining({ title: 'Town Hall on data', format: 'townhall', publicPath: null }),
    ]);
    expect(json.body).toMatchObject({ document: null, languages: [], version: null, versions: [] });
    // Nothing about the series' members (SER113).
    expect(JSON.stringify(json.body)).not.toMatch(/member|token|finalisedBy|Rae/);

    const { status, headers, html } = await page(server.url, `/d/${world.slug}`);
    expect(status).toBe(200);
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Open Talks on data &lt;governance&gt;');
    expect(html).toContain(`<a href="${world.cafeRecordPath}">Read its public record</a>`);
    expect(html).toContain('Record not published');
    expect(html).toContain('No version of the document is published yet.');
    expect(html).not.toContain('<script');
  });

  it.skipIf(Boolean(skip))('SER115 SER116 a version shows in its original by default and in each language it has, with the switcher', async () => {
    await insertVersion(server, world.seriesId, [fixtureDocument('en'), fixtureDocument('ar')]);
    // Finalised is not public (SER112): the organiser publishes the version.
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}`)).body).toMatchObject({ version: null, document: null, versions: [] });
    const chosen = await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: { published: true, version: 1 } });
    expect(chosen.body.publication).toMatchObject({ published: true, publishedVersion: 1, latestVersion: 1 });
    const json = await http(server.url, 'GET', `/api/public/series/${world.slug}`);
    expect(json.body.version).toBe(1);
    expect(json.body.languages).toEqual(['en', 'ar']);
    expect(json.body.document.language).toBe('en');
    expect(json.body.versions).toEqual([{ version: 1, languages: ['en', 'ar'], finalisedAt: Date.UTC(2026, 9, 2, 12), changes: '' }]);
    expect(JSON.stringify(json.body)).not.toMatch(/finalisedBy|token|Rae|frozenReferences|FROZEN-REFS/);
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}?lang=ar`)).body.document.language).toBe('ar');
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}?lang=xx`)).status).toBe(400);

    const en = (await page(server.url, `/d/${world.slug}`)).html;
    expect(en).toContain('<article class="infodoc" lang="en" dir="ltr">');
    for (const id of ['para-1', 'para-2', 'para-3', 'fn-1', 'fnref-1', 'A.2.1']) expect(en).toContain(`id="${id}"`);
    expect(en).toContain(`href="/d/${world.slug}?lang=ar" lang="ar" hreflang="ar"`);
    expect(en).not.toContain('hreflang="fr"');
    expect(en).toContain('<link rel="alternate" hreflang="ar"');
    expect(en).not.toContain('<script>alert');

    const ar = (await page(server.url, `/d/${world.slug}?lang=ar`)).html;
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('<article class="infodoc" lang="ar" dir="rtl">');
    expect(ar).toContain('نتائج السلسلة');
    // A language the version does not have: the original, said so.
    const fr = (await page(server.url, `/d/${world.slug}?lang=fr`)).html;
    expect(fr).toContain('<html lang="fr" dir="ltr">');
    expect(fr).toContain('<article class="infodoc" lang="en" dir="ltr">');
    expect(fr).toContain('Cette version n’a pas de texte en Français');

    const file = await page(server.url, `/d/${world.slug}/document.html?lang=ar`);
    expect(file.status).toBe(200);
    expect(file.html.startsWith('<!doctype html>')).toBe(true);
    expect(file.html).toContain('<html lang="ar" dir="rtl">');
  });

  it.skipIf(Boolean(skip))('SER117 a later version is shown; the earlier one is listed and opens by ?version=', async () => {
    await insertVersion(server, world.seriesId, [fixtureDocument('en', 2)], Date.UTC(2026, 10, 5, 12));
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}`)).body.version).toBe(1);
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}?version=2`)).status).toBe(404);
    await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: { published: true, version: 2 } });
    const json = await http(server.url, 'GET', `/api/public/series/${world.slug}`);
    expect(json.body.version).toBe(2);
    expect(json.body.languages).toEqual(['en']);
    expect(json.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const latest = (await page(server.url, `/d/${world.slug}`)).html;
    expect(latest).toContain('Paragraph 3 corrected.');
    expect(latest).toContain(`href="/d/${world.slug}?lang=en&amp;version=1"`);
    expect(latest).toMatch(/aria-current="page">Version 2, November 5, 2026<\/a>/);
    const older = (await page(server.url, `/d/${world.slug}?version=1&lang=ar`)).html;
    expect(older).toContain('<article class="infodoc" lang="ar" dir="rtl">');
    expect(older).toContain(`href="/d/${world.slug}?lang=ar"`);
    expect(older).toContain(`hreflang="en" href="/d/${world.slug}?lang=en&amp;version=1"`);
    expect((await page(server.url, `/d/${world.slug}?version=9`)).status).toBe(404);
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}?version=9`)).status).toBe(404);
  });

  it.skipIf(Boolean(skip))('SER111 SER118 unpublished again: 404 everywhere, the link kept for the next publish', async () => {
    const down = await http(server.url, 'DELETE', `/api/series/${world.seriesId}/publication`, { token: world.token });
    expect(down.status).toBe(200);
    expect(down.body.publication).toEqual({ slug: world.slug, path: `/d/${world.slug}`, published: false, publishedAt: null, publishedVersion: 2, latestVersion: 2 });
    expect((await page(server.url, `/d/${world.slug}`)).status).toBe(404);
    expect((await page(server.url, `/d/${world.slug}/document.html`)).status).toBe(404);
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}`)).status).toBe(404);
    const up = await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: { published: true } });
    expect(up.body.publication.slug).toBe(world.slug);
    expect((await page(server.url, `/d/${world.slug}`)).status).toBe(200);
    const off = await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: { published: false } });
    expect(off.status).toBe(200);
    expect(off.body.publication.published).toBe(false);
  });
});
