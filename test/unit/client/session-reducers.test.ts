import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CafeLiveUpdate, CafeView, ParticipantView, PromptView, SessionState } from '../../../shared/src/protocol/index.js';
import { PROMPTS_KEPT, withCafeLive, withPrompt, withSeat } from '../../../client/src/state/reducers/cafe.js';
import { withAttendance, withMe, withoutParticipant, withParticipant } from '../../../client/src/state/reducers/session.js';

const person = (id: string, extra: Partial<ParticipantView> = {}) => ({ id, displayName: id, role: 'participant', online: true, ...extra }) as ParticipantView;
const staffView = (participants: ParticipantView[]) => ({ session: {}, viewer: { kind: 'participant', participant: participants[0] }, participants }) as unknown as SessionState;

describe('session reducers', () => {
  it('nothing loaded yet: every delta leaves the state undefined', () => {
    expect(withAttendance(undefined, {} as never)).toBeUndefined();
    expect(withMe(undefined, person('a'))).toBeUndefined();
    expect(withParticipant(undefined, person('a'))).toBeUndefined();
  });

  it('me:changed updates the viewer and their roster row, which keeps its presence', () => {
    const live = staffView([person('a', { online: true }), person('b')]);
    const next = withMe(live, person('a', { role: 'moderator', online: false }))!;
    expect(next.viewer).toEqual({ kind: 'participant', participant: person('a', { role: 'moderator', online: false }) });
    expect(next.participants![0]).toEqual(person('a', { role: 'moderator', online: true }));
    const projector = { session: {}, viewer: { kind: 'projector' } } as unknown as SessionState;
    expect(withMe(projector, person('a'))).toBe(projector);
  });

  it('the roster: a person is added once, replaced in place, removed exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.constantFrom('a', 'b', 'c', 'd'))), (steps) => {
        let live = staffView([person('me')]);
        for (const [add, id] of steps) live = (add ? withParticipant(live, person(id)) : withoutParticipant(live, id))!;
        const shown = live.participants!.map((p) => p.id);
        expect(new Set(shown).size).toBe(shown.length);
        for (const id of ['a', 'b', 'c', 'd']) expect(shown.includes(id)).toBe(steps.findLast(([, step]) => step === id)?.[0] ?? false);
      }),
    );
    const participant = { session: {}, viewer: {} } as SessionState; // no roster: not staff
    expect(withParticipant(participant, person('a'))).toBe(participant);
  });
});

describe('café reducers', () => {
  const prompt = (id: string, tableId: string | null = null) => ({ id, tableId, text: id }) as PromptView;

  it('prompts: the last PROMPTS_KEPT, a resent one moved last, never twice', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 80 }), (sent) => {
        let cafe = { prompts: [] } as unknown as CafeView;
        for (const n of sent) cafe = withPrompt({ live: undefined, cafe }, prompt(String(n))).cafe!;
        const ids = cafe.prompts.map((p) => p.id);
        expect(ids.length).toBeLessThanOrEqual(PROMPTS_KEPT);
        expect(new Set(ids).size).toBe(ids.length);
        if (sent.length > 0) expect(ids.at(-1)).toBe(String(sent.at(-1)));
      }),
    );
  });

  it('a prompt to a table reaches the seat at that table only', () => {
    const seat = { table: { id: 't1' }, prompts: [] };
    const live = { cafe: { live: { prompts: [] }, seat } } as unknown as SessionState;
    const mine = withPrompt({ live, cafe: undefined }, prompt('x', 't1')).live!.cafe!;
    expect(mine.seat!.prompts.map((p) => p.id)).toEqual(['x']);
    expect(mine.live.prompts).toEqual([]);
    const other = withPrompt({ live, cafe: undefined }, prompt('y', 't2')).live!.cafe!;
    expect(other.seat!.prompts).toEqual([]);
    expect(withSeat({ live: { session: {} } as SessionState, cafe: undefined }, null)).toEqual({});
  });

  it('CAFE-PERF2 a round start without the table map keeps the map the screen has; one with it replaces it', () => {
    const tables = [{ id: 't1', number: 1, label: 'Lotus', kind: 'in-room', capacity: 5, seated: 4 }];
    const live = { cafe: { live: { phase: 'not-started', run: { round: 0, timer: null }, tables, prompts: [] }, seat: null } } as unknown as SessionState;
    const round = { phase: 'in-round', run: { round: 1, timer: null }, prompts: [] } as unknown as CafeLiveUpdate;
    const started = withCafeLive({ live, cafe: { run: { round: 0, timer: null } } as CafeView }, round);
    expect(started.live!.cafe!.live).toMatchObject({ phase: 'in-round', run: { round: 1 }, tables });
    expect(started.cafe!.run).toEqual({ round: 1, timer: null });
    const changed = withCafeLive({ live, cafe: undefined }, { ...round, tables: [] });
    expect(changed.live!.cafe!.live.tables).toEqual([]);
  });
});
