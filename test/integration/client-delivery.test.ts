// How the built client reaches a browser (WEB1–WEB4 in docs/spec.md): compressed copies chosen by
// Accept-Encoding, cache headers, a join page that preloads only what it needs, no source maps.
// Needs the client built (`npm run build`, as `npm test` does first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { basename, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { serverForFile, type TestServer } from '../helpers/server.js';

const CLIENT = join(import.meta.dirname, '../../client');
const DIST = join(CLIENT, 'dist');
if (!existsSync(join(DIST, 'index.html'))) throw new Error('no built client: run `npm run build` before the integration tests');

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decode). */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { connection: 'close', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** The scripts a built page loads up front: its entry script and its modulepreload links. */
function scriptsOf(html: string): string[] {
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
  return sources.map((m) => m[1]!);
}

let server: TestServer;
serverForFile((started) => (server = started));

let entry: string; // the page's main script, /assets/<name>-<hash>.js: the largest it loads up front
let entryBytes: Buffer;
beforeAll(() => {
  const scripts = scriptsOf(readFileSync(join(DIST, 'index.html'), 'utf8')).map((src) => ({ src, bytes: readFileSync(join(DIST, src)) }));
  ({ src: entry, bytes: entryBytes } = scripts.sort((a, b) => b.bytes.length - a.bytes.length)[0]!);
});

describe('WEB2 precompressed files by Accept-Encoding', () => {
  it('WEB2 a hashed asset is brotli when accepted, gzip when only gzip is, identity otherwise; Vary says so', async () => {
    const br = await get(`${server.url}${entry}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).equals(entryBytes)).toBe(true);
    expect(br.body.length).toBeLessThan(entryBytes.length / 2);

    const gz = await get(`${server.url}${entry}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(gunzipSync(gz.body).equals(entryBytes)).toBe(true);

    const plain = await get(`${server.url}${entry}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.equals(entryBytes)).toBe(true);
    const none = await get(`${server.url}${entry}`);
    expect(none.headers['content-encoding']).toBeUndefined();
  });

  it('WEB2 the page itself is compressed too, and JSON answers of the API are', async () => {
    const page = await get(`${server.url}/join/ABCDEF`, { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(brotliDecompressSync(page.body).toString()).toContain('<div id="root">');

    const created = await createSession(server.url, { title: 'A session whose state is long enough to be worth compressing' });
    const state = await get(`${server.url}/api/sessions/${created.session.id}`, { 'accept-encoding': 'gzip', authorization: `Bearer ${created.facilitatorToken}` });
    expect(state.status).toBe(200);
    expect(state.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(state.body).toString())).toMatchObject({ session: { id: created.session.id } });
  });

  it('WEB2 Socket.IO long-polling still opens with a browser’s Accept-Encoding', async () => {
    const open = await get(`${server.url}/socket.io/?EIO=4&transport=polling`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(open.status).toBe(200);
    const text = open.headers['content-encoding'] === 'gzip' ? gunzipSync(open.body).toString() : open.body.toString();
    expect(text).toMatch(/^0\{"sid":/);
  });
});

describe('WEB3 caching', () => {
  it('WEB3 hashed assets are immutable for a year; the page is revalidated every time', async () => {
    const asset = await get(`${server.url}${entry}`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/join/ABCDEF', '/s/some-id/console', '/index.html']) {
      const page = await get(`${server.url}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers['cache-control'], path).toBe('no-cache');
      expect(page.headers.etag, path).toBeTruthy();
    }
  });

  it('WEB3 a missing asset is a 404, not the page', async () => {
    const missing = await get(`${server.url}/assets/index-gone.js`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain('<div id="root">');
  });
});

describe('WEB1 the join page loads only what it needs', () => {
  // Code a participant does not need to fill in the join form: the console, the projector, the
  // participant's live view (and its Socket.IO connection), the notepads and the record.
  const NOT_FOR_JOINING = [
    'views/console/',
    'views/projector/',
    'views/participant/',
    'components/townhall/',
    'components/cafe/',
    'notepad/',
    'record/',
    'views/Console.tsx',
    'views/Projector.tsx',
    'views/Participant.tsx',
    'views/Rapporteur.tsx',
    'views/PublicRecord.tsx',
    'views/ProfileForm.tsx',
  ];
  const sources = readdirSync(join(CLIENT, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
  const notForJoining = (file: string) => NOT_FOR_JOINING.some((part) => file.startsWith(part));
  /** The catalog keys a file passes to t() literally: they stay as strings in the built code. */
  const keysOf = (files: string[]) => new Set(files.flatMap((file) => [...readFileSync(join(CLIENT, 'src', file), 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]!)));
  const forbiddenModules = new Set([...sources.filter(notForJoining).map((file) => basename(file).replace(/\.tsx?$/, '')), 'realtime']);

  it('WEB1 the built join page preloads no console, projector, participant-view or notepad chunk', async () => {
    const page = await get(`${server.url}/join/ABCDEF`);
    const scripts = scriptsOf(page.body.toString());
    expect(scripts).toContain(entry);
    // A chunk is named after its first module (RunPanel-<hash>.js), so its name says what it holds.
    const chunkNames = scripts.map((src) => basename(src).replace(/-[\w-]{8}\.js$/, ''));
    expect(chunkNames.filter((name) => forbiddenModules.has(name))).toEqual([]);
    // And no such code was folded into the page's own chunks: the catalog keys only those views
    // use would be in them as strings.
    const allowed = keysOf(sources.filter((file) => !notForJoining(file)));
    const theirs = [...keysOf(sources.filter(notForJoining))].filter((key) => !allowed.has(key));
    expect(theirs.length).toBeGreaterThan(50);
    const code = scripts.map((src) => readFileSync(join(DIST, src), 'utf8')).join('\n');
    const quoted = (key: string) => ['"', "'", '`'].some((quote) => code.includes(`${quote}${key}${quote}`));
    expect(theirs.filter(quoted)).toEqual([]);
    // Nor the live connection: Socket.IO's client (Engine.IO and its transports) waits for the
    // participant's view, even when a module every page shares (the banner) can reconnect.
    expect(code).not.toMatch(/engine\.io|websocket/i);
  });
});

describe('WEB4 no source maps for browsers', () => {
  it('WEB4 /assets/*.map is a 404 and no served script points at a source map', async () => {
    const map = await get(`${server.url}${entry}.map`);
    expect(map.status).toBe(404);
    const scripts = readdirSync(join(DIST, 'assets')).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    for (const file of scripts) {
      const served = await get(`${server.url}/assets/${file}`, { 'accept-encoding': 'br' });
      const text = (served.headers['content-encoding'] === 'br' ? brotliDecompressSync(served.body) : served.body).toString();
      expect(text, file).not.toMatch(/sourceMappingURL/);
    }
  });
});
