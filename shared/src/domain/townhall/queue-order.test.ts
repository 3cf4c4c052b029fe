import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODES, type Mode } from '../words.js';
import { createSpeakerQueue, giveFloor, lowerHand, moveHand, raiseHand, type SpeakerQueue } from './queue.js';
import { effectiveOrder, firstMode, type Hand } from './queue-order.js';
import { MIN, T0 } from '../../../../test/fixtures/townhall.js';

const handArb = fc.record({ mode: fc.constantFrom(...MODES), raisedAfterMs: fc.integer({ min: 0, max: 10 * MIN }) });

/** Hands with distinct ids, in a base order that need not follow raisedAt (manual moves). */
const queueArb = fc
  .record({
    hands: fc.array(handArb, { maxLength: 30 }),
    lastFloorMode: fc.option(fc.constantFrom(...MODES), { nil: null }),
  })
  .map(({ hands, lastFloorMode }) => ({
    alternate: true,
    lastFloorMode,
    hands: hands.map((h, i): Hand => ({ participantId: `p${i}`, mode: h.mode, stakeholderGroup: 'other', topic: null, raisedAt: T0 + h.raisedAfterMs })),
  }));

const count = (hands: readonly Hand[], mode: Mode) => hands.filter((h) => h.mode === mode).length;

describe('alternation properties', () => {
  it('HAND6 in any prefix of the effective order the modes differ by at most one while both still wait', () => {
    fc.assert(
      fc.property(queueArb, (queue) => {
        const order = effectiveOrder(queue);
        for (let k = 0; k <= order.length; k++) {
          const rest = order.slice(k);
          if (count(rest, 'in-room') === 0 || count(rest, 'remote') === 0) break;
          const prefix = order.slice(0, k);
          expect(Math.abs(count(prefix, 'in-room') - count(prefix, 'remote'))).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('HAND6 every hand appears once and each mode keeps its base order', () => {
    fc.assert(
      fc.property(queueArb, (queue) => {
        const order = effectiveOrder(queue);
        expect(order.map((h) => h.participantId).sort()).toEqual(queue.hands.map((h) => h.participantId).sort());
        for (const mode of MODES) {
          expect(order.filter((h) => h.mode === mode)).toEqual(queue.hands.filter((h) => h.mode === mode));
        }
      }),
    );
  });

  it("HAND6 the first mode is the other one than the last speaker's, else the mode of the earliest hand", () => {
    fc.assert(
      fc.property(queueArb, (queue) => {
        const first = effectiveOrder(queue)[0];
        if (!first) return;
        const modes = new Set(queue.hands.map((h) => h.mode));
        const earliest = Math.min(...queue.hands.map((h) => h.raisedAt));
        if (modes.size === 1) expect(first.mode).toBe(queue.hands[0]?.mode);
        else if (queue.lastFloorMode !== null) expect(first.mode).not.toBe(queue.lastFloorMode);
        else expect(queue.hands.some((h) => h.mode === first.mode && h.raisedAt === earliest)).toBe(true);
        expect(firstMode(queue)).toBe(first.mode);
      }),
    );
  });

  it('HAND5 with alternation off the effective order is the base order', () => {
    fc.assert(
      fc.property(queueArb, (queue) => {
        expect(effectiveOrder({ ...queue, alternate: false })).toEqual(queue.hands);
      }),
    );
  });

  type Step = { kind: 'raise'; who: number; mode: Mode } | { kind: 'lower'; who: number } | { kind: 'move'; who: number; to: number } | { kind: 'floor' };
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('raise' as const), who: fc.nat(11), mode: fc.constantFrom(...MODES) }),
    fc.record({ kind: fc.constant('lower' as const), who: fc.nat(11) }),
    fc.record({ kind: fc.constant('move' as const), who: fc.nat(11), to: fc.nat(11) }),
    fc.constant({ kind: 'floor' as const }),
  );

  it('HAND6 HAND8 with alternation on, each floor goes to the other mode whenever it has a hand waiting', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        let queue: SpeakerQueue = { ...createSpeakerQueue(), alternate: true };
        let now = T0;
        for (const step of steps) {
          now += 1_000;
          const id = `p${'who' in step ? step.who : 0}`;
          const before = queue;
          const result =
            step.kind === 'raise'
              ? raiseHand(queue, { participantId: id, mode: step.mode, stakeholderGroup: 'other' }, now)
              : step.kind === 'lower'
                ? lowerHand(queue, id)
                : step.kind === 'move'
                  ? moveHand(queue, id, step.to)
                  : giveFloor(queue, 2 * MIN, now);
          if (!result.ok) continue;
          queue = result.queue;
          if (step.kind !== 'floor' || !queue.floor) continue;
          const waitingOther = before.lastFloorMode !== null && before.hands.some((h) => h.mode !== before.lastFloorMode);
          if (waitingOther) expect(queue.floor.mode).not.toBe(before.lastFloorMode);
        }
      }),
    );
  });
});
