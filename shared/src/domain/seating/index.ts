export * from './types.js';
export { planSeating } from './planner.js';
export { measurePlan } from './metrics.js';
export { describeViolation, findRuleViolations, SEATING_RULE_IDS, type SeatingRule, type SeatingRuleId, type SeatingViolation } from './rules.js';
export { seatLateArrival, removeFromPlan } from './late-arrival.js';
export { createRng, type Rng } from './rng.js';
export { hubOf, hubTables } from './hubs.js';
