// The one place the session's attribution decides what a contribution says of its author
// (REC2–REC4). Every part of the record credits people through these functions.
import { STAKEHOLDER_GROUPS, type Attribution, type StakeholderGroup } from '../words.js';
import type { Credit } from './types.js';

export const NO_CREDIT: Credit = Object.freeze({ name: null, group: null }) as Credit;

function asGroup(value: string | null): StakeholderGroup | null {
  return value !== null && (STAKEHOLDER_GROUPS as readonly string[]).includes(value) ? (value as StakeholderGroup) : null;
}

/** A name only when `named`, a group unless `anonymous` (Chatham House: neither). */
export function creditFor(attribution: Attribution, person: { name: string | null; group: string | null } | null): Credit {
  if (!person) return NO_CREDIT;
  switch (attribution) {
    case 'named':
      return { name: person.name, group: asGroup(person.group) };
    case 'group':
      return { name: null, group: asGroup(person.group) };
    case 'anonymous':
      return NO_CREDIT;
    default:
      throw new Error(`unknown attribution ${JSON.stringify(attribution satisfies never)}`);
  }
}
