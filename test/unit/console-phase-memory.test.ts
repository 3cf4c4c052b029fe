import { describe, expect, it } from 'vitest';
import { phaseToShow } from '../../client/src/views/console/phases/usePhase';

const cafe = ['prepare', 'run', 'harvest', 'record'] as const;
const townhall = ['prepare', 'run', 'record'] as const;

describe('the console remembers a phase chosen by hand', () => {
  it('CONSOLE5: a choice made in the same state phase is shown again after a reload', () => {
    expect(phaseToShow({ chosen: 'prepare', basis: 'run' }, 'run', cafe)).toBe('prepare');
  });

  it('CONSOLE5: once the state has moved to another phase, the console follows the session', () => {
    expect(phaseToShow({ chosen: 'prepare', basis: 'run' }, 'harvest', cafe)).toBe('harvest');
  });

  it('CONSOLE5: nothing kept, or a phase this console does not have, shows the state phase', () => {
    expect(phaseToShow(undefined, 'run', cafe)).toBe('run');
    expect(phaseToShow({ chosen: 'harvest', basis: 'run' }, 'run', townhall)).toBe('run');
  });
});
