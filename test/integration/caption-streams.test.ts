import { describe, expect, it } from 'vitest';
import type { SessionRecordDocument } from '../../shared/src/index.js';
import type { CaptionView } from '../../shared/src/protocol/index.js';
import { http } from '../helpers/api.js';
import { command } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, serversPerTest, townhallAs, type TownHall } from '../helpers/townhall.js';

// CAPS1–CAPS39: caption streams per language, each kept whole and exported, and the plain-text
// stream a screen reader, a braille display or the lite mode loads.

const targets = await storageTargets();

/** Reads a streaming body until `done` says it has what it waits for, or fails after `ms`. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, done: (text: string) => boolean, ms = 10_000): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!done(text)) {
    if (Date.now() > deadline) throw new Error(`not seen in time; so far: ${JSON.stringify(text)}`);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not seen in time; so far: ${JSON.stringify(text)}`)), Math.max(1, deadline - Date.now())));
    const chunk = await Promise.race([reader.read(), timeout]);
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text;
}

async function twoStreams(th: TownHall) {
  const en = await member(th, { displayName: 'Ana', language: 'en', as: 'captioner' });
  const fr = await member(th, { displayName: 'Benoît', language: 'fr', as: 'captioner' });
  const viewer = await member(th, { displayName: 'Chloé', language: 'fr' });
  // The English captioner writes in their own language by default; the interpreter picks French.
  expect((await command(en.socket, 'caption:add', { text: 'Welcome, everyone.\nThe first question is on access.' })).ok).toBe(true);
  expect((await command(fr.socket, 'caption:add', { text: 'Bienvenue à toutes et à tous.', language: 'fr' })).ok).toBe(true);
  return { en, fr, viewer };
}

describe.each(targets)('caption streams on $kind', ({ kind, skip }) => {
  const { start } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('CAPS1 CAPS2 CAPS4 CAPS5 a viewer state has each stream with its own latest lines', { timeout: 60_000 }, async () => {
    const server = await start();
    const th = await openTownHall(server.url, { languages: ['en', 'fr'] });
    const { en, viewer } = await twoStreams(th);
    // A busy English stream does not push the French one out of the state (CAPS5).
    for (const from of [0, 30]) {
      const many = Array.from({ length: 30 }, (_, i) => `English line ${from + i + 1}`).join('\n');
      expect((await command(en.socket, 'caption:add', { text: many })).ok).toBe(true);
    }
    const live = await townhallAs(th, viewer.joined.token);
    expect(live.captionStreams.map((s) => s.language)).toEqual(['en', 'fr']);
    const [enStream, frStream] = live.captionStreams;
    expect(enStream!.count).toBe(62);
    expect(enStream!.lines).toHaveLength(50);
    expect(enStream!.lines.at(-1)!.text).toBe('English line 60');
    expect(frStream!.count).toBe(1);
    expect(frStream!.lines.map((c) => [c.text, c.language])).toEqual([['Bienvenue à toutes et à tous.', 'fr']]);
    // `?lang=` reads one stream's whole transcript (CAPS20).
    const fr = await http<{ captions: CaptionView[] }>(server.url, 'GET', `${th.base}/captions?lang=fr`, { token: viewer.joined.token });
    expect(fr.body.captions.map((c) => c.text)).toEqual(['Bienvenue à toutes et à tous.']);
  });

  it.skipIf(Boolean(skip))('CAPS20 CAPS21 CAPS22 the transcript of each stream is in the JSON, Markdown, HTML and CSV exports', { timeout: 60_000 }, async () => {
    const server = await start();
    const th = await openTownHall(server.url, { languages: ['en', 'fr'] });
    await twoStreams(th);
    const exported = async (format: string) => {
      const res = await fetch(`${server.url}/api/sessions/${th.created.session.id}/export?format=${format}&lang=en`, {
        headers: { authorization: `Bearer ${th.created.facilitatorToken}` },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    const json = JSON.parse(await exported('json')) as SessionRecordDocument;
    expect(json.townhall!.transcript.map((s) => [s.language, s.dir, s.lines.map((l) => l.text)])).toEqual([
      ['en', 'ltr', ['Welcome, everyone.', 'The first question is on access.']],
      ['fr', 'ltr', ['Bienvenue à toutes et à tous.']],
    ]);
    const md = await exported('md');
    const transcript = md.slice(md.indexOf('## Transcript'));
    expect(transcript.indexOf('### English (en)')).toBeGreaterThan(0);
    expect(transcript.indexOf('### French (fr)')).toBeGreaterThan(transcript.indexOf('The first question is on access.'));
    expect(transcript.indexOf('Bienvenue à toutes et à tous.')).toBeGreaterThan(transcript.indexOf('### French (fr)'));
    expect(await exported('html')).toMatch(/<ul lang="fr" dir="ltr"><li>[^<]*Bienvenue à toutes et à tous\.<\/li><\/ul>/);
    const csv = await exported('csv');
    // The language column, then the three hub columns (HUB41), empty: a caption is no hub's.
    expect(csv).toMatch(/,caption,,,,Bienvenue à toutes et à tous\.,,,,[^,]+,,fr,,,\r\n/);
    // Captions name no one: the captioners' names appear nowhere in the transcript.
    expect(transcript).not.toMatch(/Ana|Benoît/);
  });

  it.skipIf(Boolean(skip))('CAPS30 CAPS31 CAPS32 the plain-text stream sends the recent lines, then each new one live; follow=0 closes', { timeout: 60_000 }, async () => {
    const server = await start();
    const th = await openTownHall(server.url, { languages: ['en', 'fr'] });
    const { fr, viewer } = await twoStreams(th);
    const path = `/api/sessions/${th.created.session.id}/captions.txt`;

    // A braille display that cannot set a header: the token in the address.
    const controller = new AbortController();
    const res = await fetch(`${server.url}${path}?lang=fr&token=${viewer.joined.token}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const reader = res.body!.getReader();
    expect(await readUntil(reader, (t) => t.includes('Bienvenue'))).toBe('Bienvenue à toutes et à tous.\n');
    await command(fr.socket, 'caption:add', { text: 'Première question : l’accès.', language: 'fr' });
    await command(th.facilitator.socket, 'caption:add', { text: 'Not in the French stream.', language: 'en' });
    await command(fr.socket, 'caption:add', { text: 'Deuxième ligne.', language: 'fr' });
    const more = await readUntil(reader, (t) => t.includes('Deuxième ligne.'));
    expect(more).toBe('Première question : l’accès.\nDeuxième ligne.\n');
    controller.abort();

    // Without `lang`: the viewer's language (French here). With a header; follow=0 ends the answer.
    const whole = await fetch(`${server.url}${path}?follow=0`, { headers: { authorization: `Bearer ${viewer.joined.token}` } });
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe('Bienvenue à toutes et à tous.\nPremière question : l’accès.\nDeuxième ligne.\n');
    // The projector's key is allowed too.
    const projector = await fetch(`${server.url}${path}?lang=en&follow=0&token=${th.created.projectorKey}`);
    expect(await projector.text()).toBe('Welcome, everyone.\nThe first question is on access.\nNot in the French stream.\n');
  });

  it.skipIf(Boolean(skip))('CAPS31 the plain-text stream is refused without a valid token', { timeout: 60_000 }, async () => {
    const server = await start();
    const th = await openTownHall(server.url);
    const path = `/api/sessions/${th.created.session.id}/captions.txt`;
    expect((await fetch(`${server.url}${path}`)).status).toBe(401);
    expect((await fetch(`${server.url}${path}?token=otp_not-a-token`)).status).toBe(401);
    const other = await openTownHall(server.url);
    expect((await fetch(`${server.url}${path}?follow=0&token=${other.created.facilitatorToken}`)).status).toBe(403);
    expect((await fetch(`${server.url}${path}?follow=0&lang=xx&token=${th.created.facilitatorToken}`)).status).toBe(400);
  });

  it.skipIf(Boolean(skip))('CAPS33 two displays do not end each other’s stream', { timeout: 60_000 }, async () => {
    const server = await start({ env: { SOCKETS_PER_PERSON: '1' } });
    const th = await openTownHall(server.url, { languages: ['en'] });
    const path = `${server.url}/api/sessions/${th.created.session.id}/captions.txt?lang=en`;
    const first = await fetch(`${path}&token=${th.created.projectorKey}`);
    expect(first.status).toBe(200);
    // A second display, with its own key (the first keeps streaming on the key it opened with).
    const rotated = await http<{ projectorKey: string }>(server.url, 'POST', `/api/sessions/${th.created.session.id}/projector-key`, {
      token: th.created.facilitatorToken,
      body: {},
    });
    expect(rotated.status).toBe(201);
    const second = await fetch(`${path}&token=${rotated.body.projectorKey}`);
    expect(second.status).toBe(200);
    const [a, b] = [first.body!.getReader(), second.body!.getReader()];
    await command(th.facilitator.socket, 'caption:add', { text: 'Both displays read this.', language: 'en' });
    expect(await readUntil(a, (t) => t.includes('Both displays'))).toContain('Both displays read this.');
    expect(await readUntil(b, (t) => t.includes('Both displays'))).toContain('Both displays read this.');
    await a.cancel();
    await b.cancel();
  });

  it.skipIf(Boolean(skip))('CAPS33 a client that leaves before its stream starts leaves nothing open', { timeout: 60_000 }, async () => {
    const server = await start();
    const th = await openTownHall(server.url, { languages: ['en'] });
    const viewer = await member(th, { displayName: 'Dora', language: 'en' });
    // Hold the first read (which stream) until the client has gone, then watch what follows.
    const townhall = server.store.townhall;
    const pickStreams = townhall.captionStreams.bind(townhall);
    const readLines = townhall.streamCaptions.bind(townhall);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    townhall.captionStreams = async (...args: Parameters<typeof pickStreams>) => {
      await held;
      return pickStreams(...args);
    };
    townhall.streamCaptions = async (...args: Parameters<typeof readLines>) => {
      reads += 1;
      return readLines(...args);
    };
    const controller = new AbortController();
    const res = fetch(`${server.url}/api/sessions/${th.created.session.id}/captions.txt?token=${viewer.joined.token}`, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await expect(res).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 300));
    release();
    await new Promise((r) => setTimeout(r, 500));
    // Gone before the stream started: no subscription, no heartbeat, no reading of the recent lines.
    expect(reads).toBe(0);
  });

  it.skipIf(Boolean(skip))('CAPS12 the facilitator picks the projector stream', { timeout: 60_000 }, async () => {
    const server = await start();
    const th = await openTownHall(server.url, { languages: ['en', 'fr'] });
    await twoStreams(th);
    expect((await townhallAs(th, th.created.projectorKey)).settings.projectorCaptionLanguage).toBeNull();
    expect((await command(th.facilitator.socket, 'townhall:configure', { projectorCaptionLanguage: 'fr' })).ok).toBe(true);
    expect((await townhallAs(th, th.created.projectorKey)).settings.projectorCaptionLanguage).toBe('fr');
  });
});
