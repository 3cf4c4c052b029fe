// What a contribution in the record says of its author (REC2–REC4): the same rule as every live
// view (`attribute`, ATTR1–ATTR4), shaped as the record's `Credit`.
import { attribute } from '../attribution.js';
import type { Attribution } from '../words.js';
import type { Credit } from './types.js';

export const NO_CREDIT: Credit = Object.freeze({ name: null, group: null });

/** A name only when `named`, a group unless `anonymous` (Chatham House: neither). */
export function creditFor(attribution: Attribution, person: { name: string | null; group: string | null } | null): Credit {
  if (!person) return NO_CREDIT;
  const credit = attribute(attribution, { displayName: person.name, stakeholderGroup: person.group, mode: null });
  return { name: credit.displayName, group: credit.stakeholderGroup };
}
