import { describe, expect, it } from 'vitest';
import { computeOpinionReport, type OpinionInput } from '../../shared/src/domain/consultation/opinion/index.js';
import { OpinionWorker } from '../../server/src/consultation/opinion/worker-pool.js';
import { plantedVoters } from '../fixtures/opinion-voters.js';

// CONS36: reports are computed in a worker thread, with the same result as in-process.

function input(seed: number): OpinionInput {
  const planted = plantedVoters({ groups: 3, perGroup: 30, statements: 20, seed });
  return {
    questionId: `q${seed}`,
    computedAt: seed,
    attribution: 'group',
    statements: Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, text: `Statement ${i}` })),
    participantGroups: Array.from({ length: planted.participants }, () => 'academia' as const),
    answers: planted.votes,
  };
}

describe('opinion worker', () => {
  it('CONS36 computes reports off the event loop, in order, equal to the in-process result', async () => {
    const errors: unknown[] = [];
    const worker = new OpinionWorker({ warn: (...args: unknown[]) => errors.push(args), error: (...args: unknown[]) => errors.push(args) });
    try {
      const [a, b] = await Promise.all([worker.run(input(1)), worker.run(input(2))]);
      expect(a).toEqual(computeOpinionReport(input(1)));
      expect(b).toEqual(computeOpinionReport(input(2)));
      expect(a.groups).toHaveLength(3);
      expect(errors).toEqual([]); // the thread loaded: no in-process fallback
    } finally {
      await worker.close();
    }
  });
});
