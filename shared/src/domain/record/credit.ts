// What a contribution in the record says of its author (REC2–REC4): the same rule as every live
// view (`attribute`, ATTR1–ATTR4), shaped as the record's `Credit`.
import { attribute, type PersonCredit, type PersonFacts } from '../attribution.js';
import type { Attribution } from '../words.js';
import type { Credit } from './types.js';

export const NO_CREDIT: Credit = Object.freeze({ name: null, group: null });

/** A name only when `named`, a group unless `anonymous` (Chatham House: neither); a hub as HUB30 and HUB41 say. */
export function creditFor(attribution: Attribution, person: { name: string | null; group: string | null; hub?: PersonFacts['hub'] } | null): Credit {
  if (!person) return NO_CREDIT;
  return recordCredit(attribute(attribution, { displayName: person.name, stakeholderGroup: person.group, mode: null, hub: person.hub }));
}

/** The live credit (`attribute`) shaped as the record's: the hub kept only where the live view shows it. */
export function recordCredit(credit: PersonCredit): Credit {
  return { name: credit.displayName, group: credit.stakeholderGroup, ...(credit.hub && { hub: { ...credit.hub } }) };
}
