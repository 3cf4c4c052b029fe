import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECTOR_CHOICE } from '../../shared/src/domain/projector.js';
import { createSession, http, join } from '../helpers/api.js';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, record, serversPerTest } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// The facilitator chooses what the projector shows (docs/spec.md, PROJ1–PROJ6).

const targets = await storageTargets();

describe.each(targets)('projector choice on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`projector choice on ${kind} skipped: ${skip}`);

  describe.skipIf(Boolean(skip))('', () => {
    const servers = serversPerTest(kind);

    it('PROJ1: the choice is stored before the ack, reaches the projector at once and survives a restart', async () => {
      const first = await servers.start();
      const th = await openTownHall(first.url, { languages: ['en', 'ar'] });
      const projector = await connect(first.url, th.created.projectorKey);
      expect(projector.state.session.projector).toEqual(DEFAULT_PROJECTOR_CHOICE);

      const poll = await command(th.facilitator.socket, 'poll:create', { kind: 'single', question: 'Which first?', options: ['Access', 'Skills'] });
      if (!poll.ok) throw new Error(poll.error.message);
      const pollId = poll.poll.poll.id;
      expect(await command(th.facilitator.socket, 'poll:open', { pollId })).toMatchObject({ ok: true });

      const changed = within(nextEvent(projector.socket, 'projector:changed'), 'projector:changed on the projector');
      // LANG70: with English beside Arabic; A11Y66: the dark screen for a dim room is kept too.
      const ack = await command(th.facilitator.socket, 'projector:show', { view: 'results', pollId, byGroup: true, language: 'ar', theme: 'dark', secondLanguage: 'en' });
      const chosen = { view: 'results', pollId, byGroup: true, language: 'ar', theme: 'dark', secondLanguage: 'en' };
      expect(ack).toEqual({ ok: true, projector: chosen });
      expect((await changed)[0]).toEqual(chosen);

      // Only the fields sent change (PROJ6).
      const again = await command(th.facilitator.socket, 'projector:show', { view: 'qa' });
      expect(again).toEqual({ ok: true, projector: { ...chosen, view: 'qa' } });

      // A projector that reloads gets the same in its state.
      const reloaded = await connect(first.url, th.created.projectorKey);
      expect(reloaded.state.session.projector).toEqual({ ...chosen, view: 'qa' });

      await servers.stop(first);
      const second = await servers.start({ port: first.port });
      const after = await http(second.url, 'GET', `/api/sessions/${th.created.session.id}`, { token: th.created.projectorKey });
      expect(after.status).toBe(200);
      expect(after.body.session.projector).toEqual({ ...chosen, view: 'qa' });
    });

    it('PROJ3: a participant is refused with a clear error and nothing changes; a moderator may choose', async () => {
      const server = await servers.start();
      const th = await openTownHall(server.url);
      const projector = await connect(server.url, th.created.projectorKey);
      const seen = record(projector.socket, 'projector:changed');
      const amal = await member(th, { displayName: 'Amal' });
      const refused = await command(amal.socket, 'projector:show', { view: 'join' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('projector:show') } });
      const byHttp = await http(server.url, 'PUT', `/api/sessions/${th.created.session.id}/projector`, { token: amal.joined.token, body: { view: 'join' } });
      expect(byHttp.status).toBe(403);
      const display = await command(projector.socket, 'projector:show', { view: 'join' });
      expect(display).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const state = await http(server.url, 'GET', `/api/sessions/${th.created.session.id}`, { token: th.created.facilitatorToken });
      expect(state.body.session.projector).toEqual(DEFAULT_PROJECTOR_CHOICE);

      const moderator = await member(th, { displayName: 'Mo', as: 'moderator' });
      const changed = within(nextEvent(projector.socket, 'projector:changed'), 'the moderator’s choice on the projector');
      expect(await command(moderator.socket, 'projector:show', { view: 'qa' })).toMatchObject({ ok: true, projector: { view: 'qa' } });
      await changed;
      expect(seen).toHaveLength(1);
    });

    it('PROJ4: bad input is refused and changes nothing', async () => {
      const server = await servers.start();
      const th = await openTownHall(server.url, { languages: ['en', 'fr'] });
      const draft = await command(th.facilitator.socket, 'poll:create', { kind: 'text', question: 'One word?' });
      if (!draft.ok) throw new Error(draft.error.message);
      const bad: [object, string][] = [
        [{}, 'bad_request'],
        [{ view: 'slides' }, 'bad_request'],
        [{ view: 'harvest' }, 'bad_request'], // a Town Hall has no harvest
        [{ language: 'ar' }, 'bad_request'], // not a language of the session
        [{ view: 'poll', pollId: 'nope' }, 'not_found'],
        [{ view: 'poll', pollId: draft.poll.poll.id }, 'not_found'], // a draft is not the room's
        [{ view: 'join', extra: 1 }, 'bad_request'],
      ];
      for (const [payload, code] of bad) {
        const ack = await command(th.facilitator.socket, 'projector:show', payload as never);
        expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code } });
      }
      const state = await http(server.url, 'GET', `/api/sessions/${th.created.session.id}`, { token: th.created.facilitatorToken });
      expect(state.body.session.projector).toEqual(DEFAULT_PROJECTOR_CHOICE);
    });

    it('PROJ1: in a café, the HTTP route sets the view and every screen hears of it', async () => {
      const server = await servers.start();
      const created = await createSession(server.url, { title: 'Café', format: 'cafe', languages: ['fr', 'en'] });
      const guest = await join(server.url, created.session.joinCode, { displayName: 'Guest' });
      const guestSocket = await connect(server.url, guest.token);
      const projector = await connect(server.url, created.projectorKey);
      const toProjector = within(nextEvent(projector.socket, 'projector:changed'), 'projector:changed on the projector');
      const toGuest = within(nextEvent(guestSocket.socket, 'projector:changed'), 'projector:changed for a participant');
      const put = await http(server.url, 'PUT', `/api/sessions/${created.session.id}/projector`, { token: created.facilitatorToken, body: { view: 'harvest' } });
      expect(put.status).toBe(200);
      expect(put.body.projector).toEqual({ ...DEFAULT_PROJECTOR_CHOICE, view: 'harvest' });
      expect((await toProjector)[0].view).toBe('harvest');
      expect((await toGuest)[0].view).toBe('harvest');
      const qa = await http(server.url, 'PUT', `/api/sessions/${created.session.id}/projector`, { token: created.facilitatorToken, body: { view: 'qa' } });
      expect(qa.status).toBe(400);
    });

    it('PROJ17: projecting a poll, or showing the harvest, takes the projector back to following the session', async () => {
      const server = await servers.start();
      const th = await openTownHall(server.url);
      const poll = await command(th.facilitator.socket, 'poll:create', { kind: 'single', question: 'Which first?', options: ['Access', 'Skills'] });
      if (!poll.ok) throw new Error(poll.error.message);
      const pollId = poll.poll.poll.id;
      expect(await command(th.facilitator.socket, 'poll:open', { pollId })).toMatchObject({ ok: true });
      expect(await command(th.facilitator.socket, 'projector:show', { view: 'qa', byGroup: true })).toMatchObject({ ok: true });
      const projector = await connect(server.url, th.created.projectorKey);
      const back = within(nextEvent(projector.socket, 'projector:changed'), 'projector:changed after poll:project');
      expect(await command(th.facilitator.socket, 'poll:project', { pollId })).toMatchObject({ ok: true, projectedPollId: pollId });
      // Only the view goes back to auto; the other choices (by group) stay.
      expect((await back)[0]).toEqual({ ...DEFAULT_PROJECTOR_CHOICE, view: 'auto', byGroup: true });
      // Taking the poll off the screen does not touch the choice.
      const seen = record(projector.socket, 'projector:changed');
      expect(await command(th.facilitator.socket, 'poll:project', { pollId: null })).toMatchObject({ ok: true });
      const state = await http(server.url, 'GET', `/api/sessions/${th.created.session.id}`, { token: th.created.facilitatorToken });
      expect(state.body.session.projector.view).toBe('auto');
      expect(seen).toHaveLength(0);

      const created = await createSession(server.url, { title: 'Café', format: 'cafe', languages: ['en'] });
      const put = await http(server.url, 'PUT', `/api/sessions/${created.session.id}/projector`, { token: created.facilitatorToken, body: { view: 'round' } });
      expect(put.status).toBe(200);
      const cafeFacilitator = await connect(server.url, created.facilitatorToken);
      expect(await command(cafeFacilitator.socket, 'cafe:show-harvest', { show: true })).toMatchObject({ ok: true, shown: true });
      const after = await http(server.url, 'GET', `/api/sessions/${created.session.id}`, { token: created.facilitatorToken });
      expect(after.body.session.projector.view).toBe('auto');
    });
  });
});
