import { describe, expect, it } from 'vitest';
import type { ContributionView } from '../../shared/src/protocol/index.js';
import { http } from '../helpers/api.js';
import { member, ok, openConsultation } from '../helpers/consultation.js';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { serversPerTest } from '../helpers/townhall.js';

// Joining by invitation (CONS17), anonymous attribution in every payload (CONS18), the return
// e-mail (CONS19) and a restart that keeps everything, phase timers included (CONS2), on both storages.

const targets = await storageTargets();

describe.each(targets)('consultation access, attribution and restart on $kind', ({ kind, skip }) => {
  const { start, stop } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('CONS17 invitation only: no code, an unknown or a used code is refused; a good one is used once', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url, { settings: { access: 'invitation' } });
    const invited = await ok(c.facilitator, 'consultation:invite', { count: 3 });
    expect(invited.invitations).toHaveLength(3);
    for (const { code } of invited.invitations) expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
    const joinWith = (invitationCode?: string) =>
      http(server.url, 'POST', '/api/join', {
        body: { joinCode: c.created.session.joinCode, stakeholderGroup: 'academia', mode: 'remote', ...(invitationCode !== undefined && { invitationCode }) },
      });
    const people = async () =>
      (await http(server.url, 'GET', `/api/sessions/${c.created.session.id}/participants`, { token: c.created.facilitatorToken })).body.participants.length as number;
    const before = await people();
    expect((await joinWith()).body.error).toMatchObject({ code: 'forbidden', reason: 'consultation.invitationNeeded' });
    expect((await joinWith('ZZZZ-ZZZZ')).body.error).toMatchObject({ code: 'forbidden', reason: 'consultation.invitationUnknown' });
    const code = invited.invitations[0]!.code;
    const first = await joinWith(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `);
    expect(first.status).toBe(201);
    const again = await joinWith(code);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ reason: 'consultation.invitationUsed' });
    expect(await people()).toBe(before + 1);
    const { state } = await connect(server.url, c.created.facilitatorToken);
    expect(state.consultation!.invitations!.find((i) => i.code === code)!.usedAt).toEqual(expect.any(Number));
    // Participants never see the codes.
    const { state: theirs } = await connect(server.url, first.body.token);
    expect(theirs.consultation!.invitations).toBeNull();
  });

  it.skipIf(Boolean(skip))('CONS18 anonymous: no name, group or mode of anyone else in any payload, staff included', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url, { attribution: 'anonymous' });
    const [a, b] = [await member(server.url, c, 'Alice Author', { stakeholderGroup: 'government' }), await member(server.url, c, 'Bob Reader')];
    const seen: unknown[] = [];
    for (const socket of [b.socket, c.facilitator])
      socket.onAny((event: string, payload: unknown) => {
        // The roster is staff's own business (names from joining); every consultation payload is checked.
        if (/^(contribution|comment|consultation|moderation|response):/.test(event)) seen.push(payload);
      });
    const sent = (await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'Anonymous idea', text: 'From nobody' })).contribution;
    expect(sent.author).toMatchObject({ displayName: 'Alice Author' }); // the author sees their own (ATTR3)
    await ok(a.socket, 'contribution:comment', { contributionId: sent.id, stance: 'agree', text: 'Adding to my own' });
    const heard = nextEvent(b.socket, 'contribution:changed', (v) => v.id === sent.id && v.response !== null);
    await ok(c.facilitator, 'response:write', { contributionIds: [sent.id], status: 'under-consideration', text: 'Noted' });
    await heard;
    seen.push((await ok(b.socket, 'contribution:get', { contributionId: sent.id })).contribution);
    seen.push((await ok(c.facilitator, 'contribution:get', { contributionId: sent.id })).contribution);
    seen.push((await connect(server.url, c.created.facilitatorToken)).state.consultation);
    expect(seen.length).toBeGreaterThan(6); // live events as well as the reads
    const text = JSON.stringify(seen);
    expect(text).toContain('Anonymous idea');
    expect(text).not.toContain('Alice');
    expect(text).not.toContain('government');
    for (const author of text.matchAll(/"author":(\{[^}]*\})/g)) expect(JSON.parse(author[1]!)).toEqual({ displayName: null, stakeholderGroup: null, mode: null });
  });

  it.skipIf(Boolean(skip))('CONS19 the return e-mail is stored and only ever sent back to its owner', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url);
    const [a, b] = [await member(server.url, c, 'A'), await member(server.url, c, 'B')];
    expect(await ok(a.socket, 'consultation:set-email', { email: 'a@example.org' })).toMatchObject({ email: 'a@example.org' });
    expect((await connect(server.url, a.token)).state.consultation!.you!.email).toBe('a@example.org');
    expect(JSON.stringify((await connect(server.url, b.token)).state)).not.toContain('a@example.org');
    expect(JSON.stringify((await connect(server.url, c.created.facilitatorToken)).state)).not.toContain('a@example.org');
    expect(await command(a.socket, 'consultation:set-email', { email: 'not an address' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await ok(a.socket, 'consultation:set-email', { email: null });
    expect((await connect(server.url, a.token)).state.consultation!.you!.email).toBeNull();
  });

  it.skipIf(Boolean(skip))('CONS2 DUR1 a restart keeps everything; a date passed while down is in force, one ahead still fires', { timeout: 45_000 }, async () => {
    const first = await start();
    const c = await openConsultation(first.url, { settings: { supportsPerQuestion: 2 } });
    const [a, b] = [await member(first.url, c, 'A'), await member(first.url, c, 'B')];
    const sent = (await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'Keep me', text: 'Across restarts' })).contribution;
    await ok(a.socket, 'contribution:edit', { contributionId: sent.id, text: 'Edited before the restart' });
    await ok(b.socket, 'contribution:support', { contributionId: sent.id, support: true });
    await ok(b.socket, 'contribution:comment', { contributionId: sent.id, stance: 'neutral', text: 'Kept?' });
    await ok(c.facilitator, 'response:write', { contributionIds: [sent.id], status: 'taken-up', text: 'Yes' });
    const now = Date.now();
    await ok(c.facilitator, 'consultation:configure', { schedule: { comments: now + 1_500, closed: now + 6_000 } });
    const before = (await ok(c.facilitator, 'contribution:get', { contributionId: sent.id })).contribution;
    await stop(first);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const second = await start({ port: 0 });
    const { socket: f, state } = await connect(second.url, c.created.facilitatorToken);
    expect(state.consultation!.consultation.phase).toBe('comments');
    expect(state.consultation!.consultation.next).toMatchObject({ phase: 'closed' });
    const after = (await ok(f, 'contribution:get', { contributionId: sent.id })).contribution;
    expect(after).toEqual<ContributionView>(before);
    expect(after).toMatchObject({ text: 'Edited before the restart', versions: 1, supports: 1, comments: 1, response: { status: 'taken-up' } });
    const { state: bState } = await connect(second.url, b.token);
    expect(bState.consultation!.you!.supported[c.questionId]).toEqual([sent.id]);
    const closed = nextEvent(f, 'consultation:changed', (v) => v.phase === 'closed');
    expect((await closed)[0].next).toBeNull();
  });
});
