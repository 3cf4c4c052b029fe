import { describe, expect, it } from 'vitest';
import { can, SERIES_ACTIONS, type SeriesAction } from '../../shared/src/index.js';
import { authorizeSeries, seriesAuthenticator } from '../../server/src/series/auth.js';
import { createSeries, createSession, http, type CreatedSeries } from '../helpers/api.js';
import { serverForFile, type TestServer } from '../helpers/server.js';

// SER1 and SER20: every series:* action tried by the organiser, a rapporteur, a session
// facilitator's token and no token, through the real server; a refusal changes nothing.

let server: TestServer;
serverForFile((s) => (server = s));

interface Probe {
  name: string;
  /** Makes what the call needs (a session to add, a member to remove), then the call itself. */
  call(series: CreatedSeries, token: string | undefined): Promise<{ status: number; body: any }>;
}

const asOrganiser = (series: CreatedSeries, method: string, rest: string, body?: unknown) =>
  http(server.url, method, `/api/series/${series.series.id}${rest}`, { token: series.facilitatorToken, body });

/** The endpoints of the core part, per action. */
const PROBES: Partial<Record<SeriesAction, Probe[]>> = {
  'series:view': [
    { name: 'GET /api/series/:id', call: (s, token) => http(server.url, 'GET', `/api/series/${s.series.id}`, { token }) },
    { name: 'GET /api/series/:id/sessions', call: (s, token) => http(server.url, 'GET', `/api/series/${s.series.id}/sessions`, { token }) },
  ],
  'series:configure': [
    { name: 'PATCH /api/series/:id', call: (s, token) => http(server.url, 'PATCH', `/api/series/${s.series.id}`, { token, body: { topic: `changed by ${token?.slice(0, 8)}` } }) },
    {
      name: 'POST /api/series/:id/sessions (existing)',
      async call(s, token) {
        const cafe = await createSession(server.url, { title: 'A café' });
        return http(server.url, 'POST', `/api/series/${s.series.id}/sessions`, {
          token,
          body: { kind: 'existing', sessionId: cafe.session.id, facilitatorToken: cafe.facilitatorToken },
        });
      },
    },
    {
      name: 'POST /api/series/:id/sessions (new)',
      call: (s, token) => http(server.url, 'POST', `/api/series/${s.series.id}/sessions`, { token, body: { kind: 'new', title: 'New', format: 'townhall' } }),
    },
    {
      name: 'DELETE /api/series/:id/sessions/:sessionId',
      async call(s, token) {
        const added = await asOrganiser(s, 'POST', '/sessions', { kind: 'new', title: 'To remove', format: 'cafe' });
        return http(server.url, 'DELETE', `/api/series/${s.series.id}/sessions/${added.body.session.sessionId}`, { token });
      },
    },
    { name: 'GET /api/series/:id/members', call: (s, token) => http(server.url, 'GET', `/api/series/${s.series.id}/members`, { token }) },
    { name: 'POST /api/series/:id/members', call: (s, token) => http(server.url, 'POST', `/api/series/${s.series.id}/members`, { token, body: { role: 'rapporteur' } }) },
    {
      name: 'DELETE /api/series/:id/members/:memberId',
      async call(s, token) {
        const added = await asOrganiser(s, 'POST', '/members', { role: 'rapporteur', displayName: 'To remove' });
        return http(server.url, 'DELETE', `/api/series/${s.series.id}/members/${added.body.member.id}`, { token });
      },
    },
  ],
};

type Caller = 'organiser' | 'rapporteur' | 'session facilitator' | 'no token';
const CALLERS: Caller[] = ['organiser', 'rapporteur', 'session facilitator', 'no token'];
const ROLE = { organiser: 'facilitator', rapporteur: 'rapporteur' } as const;

async function world() {
  const series = await createSeries(server.url, { languages: ['en', 'fr'] });
  const rapporteur = (await asOrganiser(series, 'POST', '/members', { role: 'rapporteur', displayName: 'Rita' })).body.token as string;
  const session = await createSession(server.url, { title: 'Not a series token' });
  await asOrganiser(series, 'POST', '/sessions', { kind: 'existing', sessionId: session.session.id, facilitatorToken: session.facilitatorToken });
  const tokens: Record<Caller, string | undefined> = {
    organiser: series.facilitatorToken,
    rapporteur,
    'session facilitator': session.facilitatorToken,
    'no token': undefined,
  };
  return { series, tokens };
}

/** What the organiser sees: the series, its sessions and its members. */
const snapshot = async (series: CreatedSeries) => (await asOrganiser(series, 'GET', '')).body;

describe('SER20 every series action, by every kind of caller', () => {
  it('SER20 the core endpoints answer by the permission table; a refusal changes nothing', async () => {
    const { series, tokens } = await world();
    for (const action of SERIES_ACTIONS) {
      for (const probe of PROBES[action] ?? []) {
        for (const caller of CALLERS) {
          const label = `${action} ${probe.name} by ${caller}`;
          const before = await snapshot(series);
          const res = await probe.call(series, tokens[caller]);
          if (caller === 'session facilitator' || caller === 'no token') {
            expect(res.status, label).toBe(401);
          } else if (can(ROLE[caller], action)) {
            expect([200, 201, 204], label).toContain(res.status);
            continue;
          } else {
            expect(res.status, label).toBe(403);
            expect(res.body.error.code, label).toBe('forbidden');
          }
          // The probe's own set-up (as the organiser) may add a session or a member: compare without it.
          const after = await snapshot(series);
          expect(after.series, label).toEqual(before.series);
          if (probe.name.startsWith('DELETE')) {
            // The set-up added one thing; the refused call must not have taken it away again.
            expect((after.sessions?.length ?? 0) + (after.members?.length ?? 0), label).toBe((before.sessions?.length ?? 0) + (before.members?.length ?? 0) + 1);
          } else if (!probe.name.includes('(existing)')) {
            expect(after, label).toEqual(before);
          } else {
            expect(after.sessions.length, label).toBe(before.sessions.length);
          }
        }
      }
    }
  });

  // Draft, finalise and publish have their endpoints in the document and publish parts; here the
  // same authenticator and permission check those endpoints use, with the same real tokens.
  it('SER20 draft, finalise and publish follow the permission table for series tokens only', async () => {
    const { tokens } = await world();
    const authenticate = seriesAuthenticator(server.store);
    for (const action of SERIES_ACTIONS.filter((a) => !PROBES[a])) {
      for (const caller of CALLERS) {
        const label = `${action} by ${caller}`;
        const attempt = authenticate(tokens[caller]).then((principal) => authorizeSeries(principal, action));
        if (caller === 'session facilitator' || caller === 'no token') await expect(attempt, label).rejects.toMatchObject({ code: 'unauthenticated' });
        else if (can(ROLE[caller], action)) await expect(attempt, label).resolves.toBeUndefined();
        else await expect(attempt, label).rejects.toMatchObject({ code: 'forbidden' });
      }
    }
  });

  it('SER29 a removed rapporteur is refused every action', async () => {
    const { series, tokens } = await world();
    const rapporteur = (await asOrganiser(series, 'GET', '/members')).body.members.find((m: { role: string }) => m.role === 'rapporteur');
    await asOrganiser(series, 'DELETE', `/members/${rapporteur.id}`);
    for (const probe of PROBES['series:view']!) {
      const res = await probe.call(series, tokens.rapporteur);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('removed');
    }
    for (const action of SERIES_ACTIONS) {
      await expect(seriesAuthenticator(server.store)(tokens.rapporteur).then((p) => authorizeSeries(p, action))).rejects.toMatchObject({ code: 'removed' });
    }
  });
});
