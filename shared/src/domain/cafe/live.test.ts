import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODES, STAKEHOLDER_GROUPS } from '../words.js';
import { seatLookup, seatViews, type CafePerson } from './live.js';
import { cafePhase, focusRound } from './run.js';
import { ended, running, snapshot } from '../../../../test/fixtures/cafe.js';

describe('CAFE3 the café as everyone sees it', () => {
  it('CAFE3 phases and the focus round: the round on, else the next; none once finished', () => {
    expect([cafePhase({ round: 0, timer: null }, 2), focusRound({ round: 0, timer: null }, 2)]).toEqual(['not-started', 1]);
    expect([cafePhase(running(1), 2), focusRound(running(1), 2)]).toEqual(['in-round', 1]);
    expect([cafePhase(ended(1), 2), focusRound(ended(1), 2)]).toEqual(['between-rounds', 2]);
    expect([cafePhase(ended(2), 2), focusRound(ended(2), 2)]).toEqual(['finished', null]);
  });

  it('CAFE3 a seat names the host and tablemates under named attribution, with the table prompts of this round', () => {
    const bo = seatViews(snapshot()).get('bo')!;
    expect(bo.table).toMatchObject({ number: 1, label: 'Lotus', videoUrl: 'https://meet.example.org/lotus' });
    expect(bo.host).toEqual({ displayName: 'Amina', stakeholderGroup: 'government', mode: 'in-room', isHost: true });
    expect(bo.tablemates).toEqual([{ displayName: null, stakeholderGroup: 'civil-society', mode: 'remote', isHost: false }]);
    expect(bo.prompts.map((p) => p.id)).toEqual(['p2']);
    const amina = seatViews(snapshot()).get('amina')!;
    expect([amina.youHost, amina.host, amina.tablemates.length]).toEqual([true, null, 2]);
  });

  it('CAFE3 under group or anonymous attribution nobody is named; in-room tables carry no video link', () => {
    for (const attribution of ['group', 'anonymous'] as const) {
      const seats = seatViews(snapshot({ attribution, run: ended(1) }));
      for (const seat of seats.values()) {
        for (const mate of [seat.host, ...seat.tablemates]) expect(mate?.displayName ?? null).toBeNull();
      }
      expect(seats.get('bo')!.table).toMatchObject({ label: '2', videoUrl: null });
    }
  });

  it('CAFE3 asking for some people gives exactly their seats, as in the full build', () => {
    const all = seatViews(snapshot());
    const some = seatViews(snapshot(), new Set(['bo', 'dana']));
    expect([...some.keys()]).toEqual(['bo']);
    expect(some.get('bo')).toEqual(all.get('bo'));
    expect(seatViews(snapshot({ run: ended(2) })).size).toBe(0);
  });

  it('RESTART2 a seat looked up one person at a time is the one the full build gives; nobody else has one', () => {
    for (const options of [{}, { run: ended(1) }, { attribution: 'anonymous' as const }, { run: ended(2) }]) {
      const all = seatViews(snapshot(options));
      const seatOf = seatLookup(snapshot(options));
      for (const id of [...snapshot(options).people.keys(), 'nobody']) expect(seatOf(id)).toEqual(all.get(id) ?? null);
      expect(seatOf('bo')).toBe(seatOf('bo')); // built once, then shared
    }
  });
});

describe('ATTR1 seats under the Chatham House Rule', () => {
  it("ATTR1 property: under anonymous no seat carries any tablemate's or host's name, group or mode", () => {
    const person = fc.record({
      displayName: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
      stakeholderGroup: fc.constantFrom(...STAKEHOLDER_GROUPS),
      mode: fc.constantFrom(...MODES),
    });
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 6 }), fc.boolean(), (facts, hosted) => {
        const crowd = facts.map((f, i): CafePerson => ({ id: `p${i}`, role: 'participant', ...f }));
        const ids = crowd.map((p) => p.id);
        const seats = seatViews(
          snapshot({
            attribution: 'anonymous',
            tables: [{ id: 'lotus', label: 'Lotus', kind: 'hybrid', capacity: 6, hostParticipantId: hosted ? 'p0' : null, videoUrl: null, hubParticipantId: null }],
            plan: { rounds: [{ lotus: ids }, { lotus: ids }] },
            people: new Map(crowd.map((p) => [p.id, p])),
          }),
        );
        expect(seats.size).toBe(crowd.length);
        for (const seat of seats.values()) {
          for (const mate of [...seat.tablemates, ...(seat.host ? [seat.host] : [])]) {
            expect([mate.displayName, mate.stakeholderGroup, mate.mode]).toEqual([null, null, null]);
          }
          const text = JSON.stringify([seat.tablemates, seat.host]);
          for (const f of facts) if (f.displayName) expect(text).not.toContain(JSON.stringify(f.displayName));
        }
      }),
    );
  });
});
