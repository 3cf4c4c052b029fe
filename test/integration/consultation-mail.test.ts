import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { member, ok, openConsultation } from '../helpers/consultation.js';
import { capturedLog } from '../helpers/log-capture.js';
import { closeAllSockets } from '../helpers/socket.js';
import { startTestServer } from '../helpers/server.js';

// CONS19 "send me my link again": a real local SMTP server (smtp-server, 127.0.0.1, ephemeral
// port) receives what the real server mails; SQLite storage.

interface Received {
  to: string[];
  data: string;
}

const inbox: Received[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const running: { close: () => Promise<void>; database: { drop: () => Promise<void> } }[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const server of running.splice(0)) {
    await server.close();
    await server.database.drop();
  }
  inbox.length = 0;
});

async function start(env: Record<string, string> = {}, log?: ReturnType<typeof capturedLog>['log']) {
  // An empty value leaves that setting out.
  const settings = Object.entries({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: 'https://talks.example.org', ...env }).filter(([, value]) => value !== '');
  const server = await startTestServer({ env: Object.fromEntries(settings), ...(log && { log }) });
  running.push(server);
  return server;
}

async function waitFor(done: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('no mail arrived in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The mail's text with quoted-printable soft breaks and escapes undone. */
function decoded(data: string): string {
  return data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('consultation "send me my link again" (CONS19)', () => {
  it('CONS19 mails a fresh working link to a stored address; the old token stops working', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url);
    const a = await member(server.url, c, 'A');
    await ok(a.socket, 'consultation:set-email', { email: 'A.Person@Example.org' });
    const asked = await http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: c.created.session.joinCode, email: 'a.person@example.ORG' } });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ sent: true });
    await waitFor(() => inbox.length === 1, 10_000);
    const mail = inbox[0]!;
    expect(mail.to.map((to) => to.toLowerCase())).toEqual(['a.person@example.org']); // the stored address
    const text = decoded(mail.data);
    expect(text).toMatch(/^From: Open Talks <no-reply@localhost>/m);
    const link = /https:\/\/talks\.example\.org\/s\/([\w-]+)#token=(otp_[\w-]+)/.exec(text);
    expect(link).not.toBeNull();
    expect(link![1]).toBe(c.created.session.id);
    expect(text).toContain('no longer works');
    const fresh = link![2]!;
    expect(fresh).not.toBe(a.token);
    expect((await http(server.url, 'GET', `/api/sessions/${c.created.session.id}`, { token: fresh })).status).toBe(200);
    expect((await http(server.url, 'GET', `/api/sessions/${c.created.session.id}`, { token: a.token })).status).toBe(401);
  });

  it('CONS19 neither the address nor the token is logged', { timeout: 30_000 }, async () => {
    const captured = capturedLog('debug');
    const server = await start({}, captured.log);
    const c = await openConsultation(server.url);
    const a = await member(server.url, c, 'A');
    await ok(a.socket, 'consultation:set-email', { email: 'secret.person@example.org' });
    await http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: c.created.session.joinCode, email: 'secret.person@example.org' } });
    await waitFor(() => inbox.length === 1, 10_000);
    await waitFor(() => captured.lines.some((line) => line.includes('consultation link mailed')), 5_000);
    const token = /#token=(otp_[\w-]+)/.exec(decoded(inbox[0]!.data))![1]!;
    const logged = captured.lines.join('\n');
    expect(logged).not.toContain('secret.person');
    expect(logged).not.toContain(token);
  });

  it('CONS19 without an absolute origin (no PUBLIC_URL, Host not allowed) nothing is mailed and the old link keeps working', { timeout: 30_000 }, async () => {
    const captured = capturedLog('warn');
    const server = await start({ PUBLIC_URL: '', ALLOWED_HOSTS: 'talks.example.org' }, captured.log);
    const c = await openConsultation(server.url);
    const a = await member(server.url, c, 'A');
    await ok(a.socket, 'consultation:set-email', { email: 'a@example.org' });
    const asked = await http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: c.created.session.joinCode, email: 'a@example.org' } });
    expect(asked.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox).toHaveLength(0);
    expect(captured.lines.some((line) => line.includes('no absolute origin'))).toBe(true);
    expect((await http(server.url, 'GET', `/api/sessions/${c.created.session.id}`, { token: a.token })).status).toBe(200);
  });

  it('CONS19 the mail is in the participant’s language', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url);
    const b = await member(server.url, c, 'B', { language: 'fr' });
    await ok(b.socket, 'consultation:set-email', { email: 'b@example.org' });
    await http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: c.created.session.joinCode, email: 'b@example.org' } });
    await waitFor(() => inbox.length === 1, 10_000);
    expect(decoded(inbox[0]!.data)).toContain('ne fonctionne plus');
  });

  it('CONS19 an unknown address or code gets the same 202 and no mail', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url);
    const a = await member(server.url, c, 'A');
    await ok(a.socket, 'consultation:set-email', { email: 'a@example.org' });
    const unknown = await http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: c.created.session.joinCode, email: 'nobody@example.org' } });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ sent: true });
    const wrongCode = await http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: 'ZZZZZZ', email: 'a@example.org' } });
    expect(wrongCode.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox).toHaveLength(0);
    expect((await http(server.url, 'GET', `/api/sessions/${c.created.session.id}`, { token: a.token })).status).toBe(200);
    expect((await http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: c.created.session.joinCode, email: 'not an address' } })).status).toBe(400);
  });

  it('CONS19 without SMTP_URL the feature is off: 503 consultation.mailOff', { timeout: 30_000 }, async () => {
    const server = await startTestServer();
    running.push(server);
    const c = await openConsultation(server.url);
    const off = await http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: c.created.session.joinCode, email: 'a@example.org' } });
    expect(off.status).toBe(503);
    expect(off.body.error).toMatchObject({ reason: 'consultation.mailOff' });
  });

  it('CONS19 rate-limited per address (3 an hour) and per IP (10 per 10 minutes)', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url);
    const ask = (email: string) => http(server.url, 'POST', '/api/consultation-link', { body: { joinCode: c.created.session.joinCode, email } });
    for (let i = 0; i < 3; i++) expect((await ask('same@example.org')).status).toBe(202);
    const fourth = await ask('SAME@example.org');
    expect(fourth.status).toBe(429);
    expect(fourth.body.error).toMatchObject({ code: 'rate_limited' });
    for (let i = 0; i < 6; i++) expect((await ask(`other${i}@example.org`)).status).toBe(202);
    expect((await ask('yet-another@example.org')).status).toBe(429);
  });
});
