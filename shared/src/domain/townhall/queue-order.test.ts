import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODES, type Mode } from '../words.js';
import { createSpeakerQueue, giveFloor, lowerHand, moveHand, raiseHand, type SpeakerQueue } from './queue.js';
import { effectiveOrder, firstMode, firstStream, otherMode, streamOf, STREAMS, type Hand, type OrderInput, type Stream } from './queue-order.js';
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

/** The two-stream alternation as it was before hubs (HAND6), kept as the model sessions without hubs follow. */
function twoModeOrder(queue: OrderInput): Hand[] {
  const modes = new Set(queue.hands.map((hand) => hand.mode));
  let start: Mode | undefined;
  if (modes.size === 1) start = queue.hands[0]?.mode;
  else if (modes.size === 2 && queue.lastFloorMode !== null) start = otherMode(queue.lastFloorMode);
  else if (modes.size === 2) {
    let earliest = queue.hands[0];
    for (const hand of queue.hands) if (earliest === undefined || hand.raisedAt < earliest.raisedAt) earliest = hand;
    start = earliest?.mode;
  }
  if (start === undefined) return [];
  const first = queue.hands.filter((hand) => hand.mode === start);
  const second = queue.hands.filter((hand) => hand.mode !== start);
  const order: Hand[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    if (first[i]) order.push(first[i]!);
    if (second[i]) order.push(second[i]!);
  }
  return order;
}

const hubHandArb = fc.record({ stream: fc.constantFrom(...STREAMS), raisedAfterMs: fc.integer({ min: 0, max: 10 * MIN }) });

/** Hands in three streams, and which streams have had the floor (most recent first, each once). */
const hubQueueArb = fc
  .record({
    hands: fc.array(hubHandArb, { maxLength: 30 }),
    recency: fc.uniqueArray(fc.constantFrom(...STREAMS), { maxLength: 3 }),
  })
  .map(({ hands, recency }): OrderInput => ({
    alternate: true,
    lastFloorMode: recency[0] === undefined ? null : recency[0] === 'hub' ? 'remote' : recency[0],
    lastFloorStreams: recency,
    hands: hands.map((h, i): Hand => ({
      participantId: `p${i}`,
      mode: h.stream === 'hub' ? 'remote' : h.stream,
      stakeholderGroup: 'other',
      topic: null,
      raisedAt: T0 + h.raisedAfterMs,
      ...(h.stream === 'hub' && { hub: true }),
    })),
  }));

describe('alternation with hubs as their own stream', () => {
  it('HUB31 HAND6 without hubs the order is the two-mode alternation it always was, whatever the streams that spoke before', () => {
    fc.assert(
      fc.property(queueArb, fc.boolean(), (queue, withRecency) => {
        const last = queue.lastFloorMode;
        // Queues stored before hubs carry only lastFloorMode; new ones also the streams that spoke.
        const input: OrderInput = withRecency && last !== null ? { ...queue, lastFloorStreams: [last, otherMode(last)] } : queue;
        expect(effectiveOrder(input)).toEqual(twoModeOrder(queue));
      }),
    );
  });

  it('HUB31 no stream waits more than two turns while it has a hand', () => {
    fc.assert(
      fc.property(hubQueueArb, (queue) => {
        const order = effectiveOrder(queue);
        for (const stream of STREAMS) {
          for (let k = 0; k < order.length; k++) {
            if (!order.slice(k).some((h) => streamOf(h) === stream)) break;
            expect(order.slice(k, k + 3).some((h) => streamOf(h) === stream)).toBe(true);
          }
        }
      }),
    );
  });

  it("HUB31 every hand appears once, each stream keeps its base order, and a hub's hand is never in the remote stream", () => {
    fc.assert(
      fc.property(hubQueueArb, (queue) => {
        const order = effectiveOrder(queue);
        expect(order.map((h) => h.participantId).sort()).toEqual(queue.hands.map((h) => h.participantId).sort());
        for (const stream of STREAMS) {
          expect(order.filter((h) => streamOf(h) === stream)).toEqual(queue.hands.filter((h) => streamOf(h) === stream));
        }
        expect(order.filter((h) => h.hub).every((h) => streamOf(h) === 'hub')).toBe(true);
      }),
    );
  });

  it('HUB31 the first stream is one that never had the floor, else the least recent one', () => {
    fc.assert(
      fc.property(hubQueueArb, (queue) => {
        const first = firstStream(queue);
        const waiting = new Set(queue.hands.map(streamOf));
        if (waiting.size === 0) {
          expect(first).toBeNull();
          return;
        }
        const recency = queue.lastFloorStreams ?? [];
        const never = [...waiting].filter((s) => !recency.includes(s));
        if (never.length > 0) expect(never).toContain(first);
        else expect(first).toBe([...recency].reverse().find((s) => waiting.has(s)));
        expect(streamOf(effectiveOrder(queue)[0]!)).toBe(first);
      }),
    );
  });

  type HubStep = { kind: 'raise'; who: number; mode: Mode } | { kind: 'lower'; who: number } | { kind: 'move'; who: number; to: number } | { kind: 'floor' };
  // Raises and floors weigh more: long queues with turns given are where a stream could be starved.
  const hubStepArb: fc.Arbitrary<HubStep> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('raise' as const), who: fc.nat(11), mode: fc.constantFrom(...MODES) }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('lower' as const), who: fc.nat(11) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('move' as const), who: fc.nat(11), to: fc.nat(11) }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'floor' as const }), weight: 3 },
  );
  /** p8…p11 are hubs (always remote); the others choose their mode each time they raise. */
  const isHub = (who: number) => who >= 8;

  it('HUB31 HAND8 across turns, a stream with a hand waiting gets the floor within three turns; moves and lowering keep it so', () => {
    fc.assert(
      fc.property(fc.array(hubStepArb, { maxLength: 80 }), (steps) => {
        let queue: SpeakerQueue = { ...createSpeakerQueue(), alternate: true };
        let now = T0;
        // Turns given to other streams while this one had a hand waiting all along.
        const skipped = new Map<Stream, number>(STREAMS.map((s) => [s, 0]));
        for (const step of steps) {
          now += 1_000;
          const who = 'who' in step ? step.who : 0;
          const id = `p${who}`;
          const result =
            step.kind === 'raise'
              ? raiseHand(queue, { participantId: id, mode: isHub(who) ? 'remote' : step.mode, stakeholderGroup: 'other', hub: isHub(who) }, now)
              : step.kind === 'lower'
                ? lowerHand(queue, id)
                : step.kind === 'move'
                  ? moveHand(queue, id, step.to)
                  : giveFloor(queue, 2 * MIN, now);
          if (!result.ok) continue;
          const before = queue;
          queue = result.queue;
          const waiting = new Set(queue.hands.map(streamOf));
          if (step.kind === 'floor' && queue.floor) {
            const given = streamOf(queue.floor);
            for (const stream of STREAMS) {
              if (stream === given) skipped.set(stream, 0);
              else if (before.hands.some((h) => streamOf(h) === stream)) skipped.set(stream, (skipped.get(stream) ?? 0) + 1);
            }
          }
          for (const stream of STREAMS) if (!waiting.has(stream)) skipped.set(stream, 0);
          for (const stream of STREAMS) expect(skipped.get(stream)).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
