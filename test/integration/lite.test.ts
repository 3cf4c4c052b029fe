import { afterEach, describe, expect, it } from 'vitest';
import { createSession, http, join } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets } from '../helpers/socket.js';
import { member, openTownHall, townhallAs, type TownHall } from '../helpers/townhall.js';
import { csrfOf, liteJoin, litePostForm, liteRequest } from '../helpers/lite.js';
import { liteConsultation } from '../helpers/lite-world.js';

// The lite pages (docs/lite.md, LITE1–LITE49) against the real server: the cookie, CSRF, the same
// commands, limits and attribution as the full app.

const servers: TestServer[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const server of servers.splice(0)) {
    await server.close();
    await server.database.drop();
  }
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer({ env });
  servers.push(server);
  return server;
}

/** A Town Hall with an item running, a poll open and a line of captions. */
async function busyTownHall(url: string, attribution: 'named' | 'group' | 'anonymous' = 'named'): Promise<TownHall & { pollId: string }> {
  const th = await openTownHall(url, { attribution, languages: ['en', 'fr'] });
  const f = { token: th.created.facilitatorToken };
  expect((await http(url, 'POST', `${th.base}/agenda`, { ...f, body: { title: 'Open floor on data sharing', durationMinutes: 30 } })).status).toBe(201);
  expect((await http(url, 'POST', `${th.base}/agenda/next`, { ...f, body: {} })).status).toBe(200);
  const poll = await http(url, 'POST', `${th.base}/polls`, { ...f, body: { kind: 'single', question: 'Which topic first?', options: ['Privacy', 'Access'] } });
  expect(poll.status).toBe(201);
  const pollId: string = poll.body.poll.poll?.id ?? poll.body.poll.id;
  expect((await http(url, 'POST', `${th.base}/polls/${pollId}/open`, { ...f, body: {} })).status).toBe(200);
  const captioner = await member(th, { displayName: 'Capucine', as: 'captioner' });
  expect((await http(url, 'POST', `${th.base}/captions`, { token: captioner.joined.token, body: { text: 'Welcome to the town hall.' } })).status).toBe(201);
  return { ...th, pollId };
}

describe('LITE lite pages over HTTP', () => {
  it('LITE10 LITE11 joining sets an HttpOnly, SameSite=Strict cookie on /lite, and the page shows the session', async () => {
    const { url } = await start();
    const th = await busyTownHall(url);
    const code = th.created.session.joinCode;
    const joinPage = await liteRequest(url, 'GET', `/lite/${code}`);
    expect(joinPage.status).toBe(200);
    expect(joinPage.html).toContain('<form method="post"');
    expect(joinPage.html).not.toContain('<script');
    const me = await liteJoin(url, code, { displayName: 'Ana' });
    expect(me.setCookie).toMatch(new RegExp(`^ot_lite_${code}=[^;]+; Path=/lite; Max-Age=\\d+; HttpOnly; SameSite=Strict$`));
    const page = await liteRequest(url, 'GET', `/lite/${code}`, { cookie: me.cookie });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Open floor on data sharing');
    expect(page.html).toContain('Which topic first?');
    expect(page.html).toContain('Welcome to the town hall.');
    expect(page.html).toMatch(/<meta http-equiv="refresh" content="15;/);
    expect(Buffer.byteLength(page.html)).toBeLessThan(30 * 1024);
  });

  it('LITE11 behind https the cookie is Secure', async () => {
    const { url } = await start({ TRUST_PROXY: '1' });
    const { session } = await createSession(url, { format: 'townhall' });
    const me = await liteJoin(url, session.joinCode, {}, { 'x-forwarded-proto': 'https' });
    expect(me.setCookie).toMatch(/; Secure$/);
  });

  it('LITE12 a POST without the CSRF token, or with a wrong one, is refused and changes nothing', async () => {
    const { url } = await start();
    const th = await busyTownHall(url);
    const code = th.created.session.joinCode;
    const me = await liteJoin(url, code);
    const none = await liteRequest(url, 'POST', `/lite/${code}/ask`, { cookie: me.cookie, form: { text: 'Forged question?' } });
    expect(none.status).toBe(403);
    expect(none.html).toContain('This form has expired');
    const wrong = await liteRequest(url, 'POST', `/lite/${code}/ask`, { cookie: me.cookie, form: { text: 'Forged question?', csrf: 'x'.repeat(32) } });
    expect(wrong.status).toBe(403);
    // Another person's CSRF token does not fit this person's token either.
    const other = await liteJoin(url, code);
    const othersPage = await liteRequest(url, 'GET', `/lite/${code}`, { cookie: other.cookie });
    const crossed = await liteRequest(url, 'POST', `/lite/${code}/hand`, { cookie: me.cookie, form: { raise: '1', csrf: csrfOf(othersPage.html) } });
    expect(crossed.status).toBe(403);
    const staff = await townhallAs(th, th.created.facilitatorToken);
    expect(staff.qa.questions).toHaveLength(0);
    expect(staff.queue?.hands).toHaveLength(0);
  });

  it('LITE13 ask, upvote, vote and raise a hand go through the same commands and reach the full app', async () => {
    const { url } = await start();
    const th = await busyTownHall(url);
    const code = th.created.session.joinCode;
    const ana = await liteJoin(url, code, { displayName: 'Ana' });
    const asked = await litePostForm(url, code, ana.cookie, 'ask', { text: 'Who keeps the data?' });
    expect(asked.status).toBe(303);
    expect(asked.location).toBe(`/lite/${code}?m=asked`);
    const after = await liteRequest(url, 'GET', asked.location!, { cookie: ana.cookie });
    expect(after.html).toContain('Your question was sent.');
    expect(after.html).toContain('Who keeps the data?');

    const ben = await liteJoin(url, code, { displayName: 'Ben' });
    const staff = await townhallAs(th, th.created.facilitatorToken);
    const questionId = staff.qa.questions[0]!.id;
    expect(staff.qa.questions[0]).toMatchObject({ text: 'Who keeps the data?', author: { displayName: 'Ana' } });
    expect((await litePostForm(url, code, ben.cookie, 'upvote', { questionId, up: '1' })).location).toBe(`/lite/${code}?m=upvoted`);
    expect((await litePostForm(url, code, ben.cookie, 'vote', { pollId: th.pollId, kind: 'single', choice: 'o2' })).location).toBe(`/lite/${code}?m=voted`);
    expect((await litePostForm(url, code, ben.cookie, 'hand', { raise: '1' })).location).toBe(`/lite/${code}?m=raised`);

    const seen = await townhallAs(th, th.created.facilitatorToken);
    expect(seen.qa.questions[0]!.votes).toBe(1);
    expect(seen.polls.find((p) => p.poll.id === th.pollId)?.results?.overall.ballots).toBe(1);
    expect(seen.queue?.hands).toHaveLength(1);
    const benPage = await liteRequest(url, 'GET', `/lite/${code}`, { cookie: ben.cookie });
    expect(benPage.html).toContain('Take my vote back');
    expect(benPage.html).toContain('Your hand is raised. You are next.');
    expect(benPage.html).toMatch(/value="o2" checked/);
    expect((await litePostForm(url, code, ben.cookie, 'hand', { raise: '0' })).location).toBe(`/lite/${code}?m=lowered`);
    expect((await townhallAs(th, th.created.facilitatorToken)).queue?.hands).toHaveLength(0);
  });

  it('LITE14 without cookies the token rides in the address and the forms', async () => {
    const { url } = await start();
    const th = await busyTownHall(url);
    const code = th.created.session.joinCode;
    const joined = await liteRequest(url, 'POST', `/lite/${code}/join`, { form: { stakeholderGroup: 'other', mode: 'remote', nocookie: '1' } });
    expect(joined.status).toBe(303);
    expect(joined.setCookie).toBeNull();
    expect(joined.location).toMatch(new RegExp(`^/lite/${code}\\?t=\\w`));
    const page = await liteRequest(url, 'GET', joined.location!);
    expect(page.html).toMatch(/name="t" value="\w/);
    const token = /name="t" value="([^"]+)"/.exec(page.html)![1]!;
    const asked = await liteRequest(url, 'POST', `/lite/${code}/ask`, { form: { t: token, csrf: csrfOf(page.html), text: 'No cookies here?' } });
    expect(asked.status).toBe(303);
    expect(asked.location).toBe(`/lite/${code}?t=${token}&m=asked`);
    expect((await townhallAs(th, th.created.facilitatorToken)).qa.questions.map((q) => q.text)).toEqual(['No cookies here?']);
    // A join whose cookie never came back says so and offers the way without cookies.
    const lost = await liteRequest(url, 'GET', `/lite/${code}?in=1`);
    expect(lost.html).toContain('did not keep the sign-in');
  });

  it('LITE16 the rate classes and the per-person budget apply; the refusal is a page in the person’s language', async () => {
    const { url } = await start({ RATE_QUESTIONS_PER_MIN: '1' });
    const th = await busyTownHall(url);
    const code = th.created.session.joinCode;
    const me = await liteJoin(url, code, { language: 'fr' });
    expect((await litePostForm(url, code, me.cookie, 'ask', { text: 'Première question ?' })).status).toBe(303);
    const second = await litePostForm(url, code, me.cookie, 'ask', { text: 'Deuxième question ?' });
    expect(second.status).toBe(429);
    expect(second.html).toContain('<html lang="fr"');
    expect(second.html).toContain('Deuxième question ?'); // kept in the form
    expect((await townhallAs(th, th.created.facilitatorToken)).qa.questions).toHaveLength(1);
  });

  it('LITE16 every lite request spends from the person budget shared with their sockets (LIMIT1)', async () => {
    const { url } = await start({ RATE_COMMANDS_PER_10S: '3' });
    const { session } = await createSession(url, { format: 'townhall' });
    const code = session.joinCode;
    const me = await liteJoin(url, code, { language: 'en' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await liteRequest(url, 'GET', `/lite/${code}`, { cookie: me.cookie })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses[4]).toBe(429);
    const refused = await liteRequest(url, 'GET', `/lite/${code}`, { cookie: me.cookie });
    expect(refused.html).toContain('Too many attempts');
  });

  it('LITE16 lite joins share the per-address join budget with POST /api/join (LIMIT5)', async () => {
    const { url } = await start({ RATE_JOIN_PER_MIN: '2' });
    const { session } = await createSession(url, { format: 'townhall' });
    await join(url, session.joinCode);
    await liteJoin(url, session.joinCode);
    const third = await liteRequest(url, 'POST', `/lite/${session.joinCode}/join`, { form: { stakeholderGroup: 'other', mode: 'remote' } });
    expect(third.status).toBe(429);
    expect(third.html).toContain('<!doctype html>');
    expect(third.html).toContain('Too many');
  });

  it('LITE22 under anonymous attribution no name appears anywhere in the lite pages', async () => {
    const { url } = await start();
    const th = await busyTownHall(url, 'anonymous');
    const code = th.created.session.joinCode;
    const zelda = await liteJoin(url, code, { displayName: 'Zelda Quux' });
    await litePostForm(url, code, zelda.cookie, 'ask', { text: 'Is this anonymous?' });
    await litePostForm(url, code, zelda.cookie, 'hand', { raise: '1' });
    const named = await member(th, { displayName: 'Yorick Named' });
    await http(url, 'POST', `${th.base}/questions`, { token: named.joined.token, body: { text: 'And mine too?' } });
    await http(url, 'POST', `${th.base}/floor`, { token: th.created.facilitatorToken, body: {} });
    const reader = await liteJoin(url, code, { displayName: 'Reader' });
    for (const cookie of [reader.cookie, zelda.cookie]) {
      for (const path of ['', '/ask', '/captions']) {
        const html = (await liteRequest(url, 'GET', `/lite/${code}${path}`, { cookie })).html;
        for (const name of ['Zelda', 'Yorick', 'Reader', 'Capucine']) expect(html, `${name} on ${path}`).not.toContain(name);
      }
    }
    const page = (await liteRequest(url, 'GET', `/lite/${code}`, { cookie: reader.cookie })).html;
    expect(page).toContain('Is this anonymous?');
    expect(page).toContain('Speaking now: a participant');
  });

  it('LITE20 the page is in the participant’s language, with lang and dir', async () => {
    const { url } = await start();
    const { session } = await createSession(url, { format: 'townhall', languages: ['ar', 'en'] });
    const me = await liteJoin(url, session.joinCode, { language: 'ar' });
    const page = await liteRequest(url, 'GET', `/lite/${session.joinCode}`, { cookie: me.cookie });
    expect(page.html).toContain('<html lang="ar" dir="rtl">');
    expect(page.html).toContain('اطرح سؤالًا');
  });

  it('LITE30 a café page shows the seat, the round question and the time left as text', async () => {
    const { url } = await start();
    const created = await createSession(url, { format: 'cafe', attribution: 'group' });
    const f = { token: created.facilitatorToken };
    const base = `/api/sessions/${created.session.id}/cafe`;
    expect(
      (
        await http(url, 'PUT', `${base}/rounds`, {
          ...f,
          body: {
            rounds: [
              { question: 'What would make data sharing fair?', durationMinutes: 12 },
              { question: 'Who decides?', durationMinutes: 10 },
            ],
          },
        })
      ).status,
    ).toBe(200);
    const code = created.session.joinCode;
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await liteJoin(url, code, { mode: 'in-room' }));
    const tables = [1, 2].map((n) => ({ label: `Room ${n}`, kind: 'in-room', capacity: 3 }));
    expect((await http(url, 'PUT', `${base}/tables`, { ...f, body: { tables } })).status).toBe(200);
    expect((await http(url, 'POST', `${base}/plan`, { ...f, body: {} })).status).toBeLessThan(300);
    expect((await http(url, 'POST', `${base}/run/start`, { ...f, body: {} })).status).toBeLessThan(300);
    const page = await liteRequest(url, 'GET', `/lite/${code}`, { cookie: people[0]!.cookie });
    expect(page.html).toContain('What would make data sharing fair?');
    expect(page.html).toContain('Round 1 of 2');
    expect(page.html).toMatch(/1[12] min left/);
    expect(page.html).toMatch(/Table \d+/);
  });

  it('LITE35 LITE17 a consultation contribution goes through; a refused one keeps the text and says why', async () => {
    const { url } = await start();
    const { created } = await liteConsultation(url);
    const code = created.session.joinCode;
    const me = await liteJoin(url, code, { displayName: 'Lina', language: 'en' });
    const page = await liteRequest(url, 'GET', `/lite/${code}`, { cookie: me.cookie });
    expect(page.html).toContain('Contributions are open.');
    expect(page.html).toContain('What data should be open by default?');
    const form = await liteRequest(url, 'GET', `/lite/${code}/contribute`, { cookie: me.cookie });
    const questionId = /<option value="([^"]+)"/.exec(form.html)![1]!;
    const sent = await liteRequest(url, 'POST', `/lite/${code}/contribute`, {
      cookie: me.cookie,
      form: { csrf: csrfOf(form.html), questionId, title: 'Budgets', text: 'Publish every budget line as open data.' },
    });
    expect(sent.location).toBe(`/lite/${code}?m=contributed`);
    const after = await liteRequest(url, 'GET', sent.location!, { cookie: me.cookie });
    expect(after.html).toContain('Your contribution was sent.');
    expect(after.html).toContain('Publish every budget line as open data.');
    const listed = await http(url, 'GET', `/api/sessions/${created.session.id}/consultation/contributions?sort=newest`, { token: created.facilitatorToken });
    expect(JSON.stringify(listed.body)).toContain('Publish every budget line as open data.');
    const refused = await liteRequest(url, 'POST', `/lite/${code}/contribute`, { cookie: me.cookie, form: { csrf: csrfOf(form.html), questionId, title: '', text: '' } });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.html).toContain('<textarea');
    expect(refused.html).toMatch(/role="alert"/);
  });

  it('LITE13 an observer may not ask: the same permission table, said in words', async () => {
    const { url } = await start();
    const th = await busyTownHall(url);
    const code = th.created.session.joinCode;
    const watcher = await liteJoin(url, code, { role: 'observer', language: 'en' });
    const refused = await litePostForm(url, code, watcher.cookie, 'ask', { text: 'May I?' });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Your role does not allow this.');
    expect((await townhallAs(th, th.created.facilitatorToken)).qa.questions).toHaveLength(0);
  });

  it('LITE34 the caption stream link on the lite pages answers text/plain with the lite cookie, or with t=', async () => {
    const { url } = await start();
    const th = await busyTownHall(url);
    const code = th.created.session.joinCode;
    const me = await liteJoin(url, code, { language: 'en' });
    const page = await liteRequest(url, 'GET', `/lite/${code}/captions`, { cookie: me.cookie });
    const link = /<a href="([^"]*captions\.txt[^"]*)"/.exec(page.html)?.[1];
    expect(link).toBe(`/lite/${code}/captions.txt`);
    const res = await fetch(`${url}${link}?lang=en&follow=0`, { headers: { cookie: me.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('Welcome to the town hall.\n');
    // The Town Hall page links to the same address.
    expect((await liteRequest(url, 'GET', `/lite/${code}`, { cookie: me.cookie })).html).toContain(`href="/lite/${code}/captions.txt"`);
    // Without cookies the token rides in the link.
    const joined = await liteRequest(url, 'POST', `/lite/${code}/join`, { form: { stakeholderGroup: 'other', mode: 'remote', nocookie: '1' } });
    const noCookiePage = await liteRequest(url, 'GET', joined.location!.replace(`/lite/${code}?`, `/lite/${code}/captions?`));
    const tokenLink = /<a href="([^"]*captions\.txt[^"]*)"/.exec(noCookiePage.html)![1]!.replaceAll('&amp;', '&');
    expect(tokenLink).toMatch(new RegExp(`^/lite/${code}/captions\\.txt\\?t=`));
    const viaToken = await fetch(`${url}${tokenLink}&follow=0&lang=en`);
    expect(await viaToken.text()).toBe('Welcome to the town hall.\n');
    // Nobody signed in: sent to the join form, no captions.
    const nobody = await fetch(`${url}/lite/${code}/captions.txt?follow=0`, { redirect: 'manual' });
    expect(nobody.status).toBe(303);
  });

  it('LITE18 a join posted from another site is refused and joins no one', async () => {
    const { url } = await start();
    const th = await busyTownHall(url);
    const code = th.created.session.joinCode;
    const form = { stakeholderGroup: 'other', mode: 'remote', displayName: 'Mallory' };
    const crossSite = await liteRequest(url, 'POST', `/lite/${code}/join`, { form, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.setCookie).toBeNull();
    const otherOrigin = await liteRequest(url, 'POST', `/lite/${code}/join`, { form, headers: { origin: 'https://evil.example' } });
    expect(otherOrigin.status).toBe(403);
    expect(otherOrigin.html).toContain('This form has expired');
    const staff = await townhallAs(th, th.created.facilitatorToken);
    expect(JSON.stringify(staff)).not.toContain('Mallory');
    // From this site: the browser's own headers let it through.
    const host = new URL(url).host;
    const same = await liteRequest(url, 'POST', `/lite/${code}/join`, { form, headers: { 'sec-fetch-site': 'same-origin', origin: `http://${host}` } });
    expect(same.status).toBe(303);
    expect(same.setCookie).toMatch(/^ot_lite_/);
    // A browser's Sec-Fetch-Site decides, whatever its Origin says.
    const ownForm = await liteRequest(url, 'POST', `/lite/${code}/join`, { form, headers: { 'sec-fetch-site': 'same-origin', origin: 'null' } });
    expect(ownForm.status).toBe(303);
    const sandboxed = await liteRequest(url, 'POST', `/lite/${code}/join`, { form, headers: { 'sec-fetch-site': 'cross-site', origin: 'null' } });
    expect(sandboxed.status).toBe(403);
    const sibling = await liteRequest(url, 'POST', `/lite/${code}/join`, { form, headers: { 'sec-fetch-site': 'same-site', origin: `http://other.${host}` } });
    expect(sibling.status).toBe(403);
    // Without Sec-Fetch-Site (an older phone), `Origin: null` is a page hiding where it is: never
    // ours, which say `same-origin`. No Origin at all (lynx) says nothing and goes through.
    const hidden = await liteRequest(url, 'POST', `/lite/${code}/join`, { form, headers: { origin: 'null' } });
    expect(hidden.status).toBe(403);
    const ours = await liteRequest(url, 'POST', `/lite/${code}/join`, { form, headers: { origin: `http://${host}` } });
    expect(ours.status).toBe(303);
    expect((await fetch(`${url}/lite/${code}`)).headers.get('referrer-policy')).toBe('same-origin');
  });

  it('LITE19 the join form offers no hub role; hubs join from the full app', async () => {
    const { url } = await start();
    const { session } = await createSession(url, { format: 'townhall' });
    const page = await liteRequest(url, 'GET', `/lite/${session.joinCode}`);
    expect(page.html).toContain('name="role" value="participant"');
    expect(page.html).toContain('name="role" value="observer"');
    expect(page.html).not.toContain('value="hub"');
    // A hand-made hub choice joins as a participant rather than failing.
    const joined = await liteJoin(url, session.joinCode, { role: 'hub' });
    const me = await http<{ viewer: { participant: { role: string } } }>(url, 'GET', `/api/sessions/${session.id}`, { token: joined.token });
    expect(me.body.viewer.participant.role).toBe('participant');
  });
});
