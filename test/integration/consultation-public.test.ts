import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { consultationWorld, type ConsultationWorld } from '../helpers/consultation-world.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// The consultation's public page through the real server (CONS63–CONS67; docs/consultation.md):
// server-rendered HTML, no login, filters by a plain GET form, the live counts, on both storages.

const targets = await storageTargets();

async function page(url: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, { headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** The titles of the contributions listed, in order. */
function titles(html: string): string[] {
  return [...html.matchAll(/<h3 id="t-[^"]+"[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]!);
}

describe.each(targets)('the consultation public page on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`consultation public page on ${kind} skipped: ${skip}`);
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

  it.skipIf(Boolean(skip))('CONS63 a published consultation reads without login as HTML with only our own script allowed', async () => {
    const { status, headers, html } = await page(server.url, `/c/${named.slug}?lang=en`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Digital cooperation &lt;consultation&gt;');
    expect(html).toContain('Why we ask.');
    expect(html).toContain('How should data be shared?');
    expect(html).toContain('Open data by default');
    expect(html).toContain('By Ann Example, Academia');
    expect(html).toContain('Supports: 7');
    expect(html).toContain('Official response: Taken up');
    expect(html).toContain('We will publish an open data plan.');
    expect(html).toContain('Yes, but mind the costs.');
    expect(html).toContain('<script src="/c-live.js" defer></script>');
    // Published only: hidden and pending contributions and hidden comments are nowhere.
    expect(html).not.toContain('HIDDEN-TITLE');
    expect(html).not.toContain('PENDING-TITLE');
    expect(html).not.toContain('HIDDEN-COMMENT');
    // Escaped: a title's markup is text.
    expect(html).toContain('Escape &lt;script&gt;alert(1)&lt;/script&gt; &amp; check');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>tags</b>');
  });

  it.skipIf(Boolean(skip))('CONS63 Arabic is right-to-left, French from Accept-Language, with the switcher as links', async () => {
    const ar = await page(server.url, `/c/${named.slug}?lang=ar`);
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.html).toContain('البحث والتصفية');
    expect(ar.html).toContain(`href="/c/${named.slug}?lang=fr"`);
    const fr = await page(server.url, `/c/${named.slug}`, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(fr.html).toContain('<html lang="fr" dir="ltr">');
    expect(fr.html).toContain('Rechercher et filtrer');
    expect(fr.html).toContain('Réponse officielle : Retenue');
  });

  it.skipIf(Boolean(skip))('LANG72 the organisers’ texts show in the reader’s version, marked, with lang and dir; English readers keep the original', async () => {
    const token = named.created.facilitatorToken;
    const put = (key: string, text: string) => http(server.url, 'PUT', `/api/sessions/${named.sessionId}/content/versions`, { token, body: { key, language: 'ar', text } });
    for (const [key, text] of [
      [`consultation/${named.sessionId}/title`, 'التعاون الرقمي'],
      [`consultation/${named.sessionId}/background`, 'لماذا نسأل.'],
      ['consultation-question/q1/title', 'كيف ينبغي مشاركة البيانات؟'],
      ['consultation-question/q1/text', 'فكّر في البيانات العامة.'],
      [`official-response/${named.id('r1')}/text`, 'سننشر خطة للبيانات المفتوحة.'],
    ] as const) {
      expect((await put(key, text)).status).toBe(200);
    }
    const ar = (await page(server.url, `/c/${named.slug}?lang=ar`)).html;
    expect(ar).toContain('<title>التعاون الرقمي</title>');
    expect(ar).toMatch(/<h1 lang="ar" dir="rtl">التعاون الرقمي<\/h1><p class="muted translated">[^<]+<\/p>/);
    expect(ar).toContain('<p dir="auto" lang="ar">لماذا نسأل.</p>');
    expect(ar).toMatch(/<a href="[^"]+" lang="ar" dir="rtl">كيف ينبغي مشاركة البيانات؟<\/a>/);
    expect(ar).toContain('<p dir="auto" lang="ar">فكّر في البيانات العامة.</p>');
    expect(ar).toContain('<p dir="auto" lang="ar">سننشر خطة للبيانات المفتوحة.</p>');
    expect(ar).not.toContain('Why we ask.');
    // The other question has no version: its original, in English, unmarked.
    expect(ar).toMatch(/lang="en" dir="ltr">What should schools teach\?<\/a><p class="muted">/);
    const en = (await page(server.url, `/c/${named.slug}?lang=en`)).html;
    expect(en).toContain('<h1 lang="en" dir="ltr">Digital cooperation &lt;consultation&gt;</h1>');
    expect(en).toContain('We will publish an open data plan.');
    expect(en).not.toContain('class="muted translated"');
  });

  it.skipIf(Boolean(skip))('CONS64 search and filters by question, theme, group, language and response status', async () => {
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&q=privacy`)).html)).toEqual(['Open data by default']);
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&q=programmer`)).html)).toEqual(['Éducation au numérique']);
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&question=q1`)).html).sort()).toEqual(['Open data by default', 'Paid data markets']);
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&theme=Skills`)).html)).toEqual(['Éducation au numérique']);
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&group=private-sector`)).html)).toEqual(['Paid data markets']);
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&language=fr`)).html)).toEqual(['Éducation au numérique']);
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&status=taken-up`)).html)).toEqual(['Open data by default']);
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&status=none&question=q1`)).html)).toEqual(['Paid data markets']);
    const none = await page(server.url, `/c/${named.slug}?lang=en&q=nothinglikethis`);
    expect(none.html).toContain('No contribution matches.');
    expect(none.html).toContain('Contributions found: 0');
  });

  it.skipIf(Boolean(skip))('CONS65 sorts: most supported, newest, most discussed, random stable for its seed', async () => {
    const supported = titles((await page(server.url, `/c/${named.slug}?lang=en`)).html);
    expect(supported.slice(0, 3)).toEqual(['Open data by default', 'Éducation au numérique', 'Paid data markets']);
    const newest = titles((await page(server.url, `/c/${named.slug}?lang=en&sort=newest`)).html);
    expect(newest[0]).toContain('Escape');
    expect(newest.at(-1)).toBe('Open data by default');
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&sort=discussed`)).html)[0]).toBe('Open data by default');
    const random = await page(server.url, `/c/${named.slug}?lang=en&sort=random&seed=4242`);
    expect(random.html).toContain('name="seed" value="4242"');
    expect(titles((await page(server.url, `/c/${named.slug}?lang=en&sort=random&seed=4242`)).html)).toEqual(titles(random.html));
    expect(titles(random.html).sort()).toEqual([...supported].sort());
  });

  it.skipIf(Boolean(skip))('CONS63 under anonymous no name, group or group filter appears', async () => {
    const { html } = await page(server.url, `/c/${anonymous.slug}?lang=en`);
    expect(html).toContain('Open data by default');
    for (const leak of ['Ann Example', 'Bob Builder', 'Chen Wei', 'Academia', 'Private sector', 'name="group"']) expect(html).not.toContain(leak);
    // A group filter in the URL is ignored, not applied.
    expect(titles((await page(server.url, `/c/${anonymous.slug}?lang=en&group=private-sector`)).html)).toHaveLength(4);
  });

  it.skipIf(Boolean(skip))('CONS66 the live counts come as JSON for the ids on the page, published ones only', async () => {
    const live = await http(server.url, 'GET', `/c/${named.slug}/live.json?lang=en&ids=${['c1', 'c4', 'c3'].map(named.id).join(',')}`);
    expect(live.status).toBe(200);
    const items = (live.body.items as { id: string; supports: number; supportsText: string }[]).sort((a, b) => a.id.localeCompare(b.id));
    expect(items.map((i) => [i.id, i.supports, i.supportsText])).toEqual([
      [named.id('c1'), 7, 'Supports: 7'],
      [named.id('c3'), 4, 'Supports: 4'],
    ]);
    const script = await page(server.url, '/c-live.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.html.length).toBeLessThan(4000);
  });

  it.skipIf(Boolean(skip))('CONS67 /p/ of a consultation leads to /c/; the publication path is /c/; unpublished is a 404', async () => {
    const redirect = await page(server.url, `/p/${named.slug}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`/c/${named.slug}`);
    const publication = await http(server.url, 'GET', `/api/sessions/${named.sessionId}/publication`, { token: named.created.facilitatorToken });
    expect(publication.body.publication.path).toBe(`/c/${named.slug}`);
    await http(server.url, 'DELETE', `/api/sessions/${named.sessionId}/publication`, { token: named.created.facilitatorToken });
    const gone = await page(server.url, `/c/${named.slug}?lang=fr`);
    expect(gone.status).toBe(404);
    expect(gone.html).toContain('n’est pas publiée');
    expect(gone.html).not.toContain('Open data');
    await http(server.url, 'POST', `/api/sessions/${named.sessionId}/publication`, { token: named.created.facilitatorToken, body: {} });
    expect((await page(server.url, `/c/${named.slug}`)).status).toBe(200);
  });
});
