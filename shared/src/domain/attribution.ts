// The one rule for what a screen, an event or the record may say of a person (ATTR1–ATTR4 in
// docs/spec.md). Live views (questions, the floor, the queue, tablemates) and the record's
// credits both go through `attribute`, so a live screen never says more than the record.
import { MODES, STAKEHOLDER_GROUPS, type Attribution, type Mode, type StakeholderGroup } from './words.js';

/** What is known of someone (from storage): any field may be missing. */
export interface PersonFacts {
  displayName: string | null;
  stakeholderGroup: string | null;
  mode: string | null;
  /** A hub's registration, when the person is a hub's coordinator (docs/hubs.md). */
  hub?: { name: string; place: string; headcount: number } | null | undefined;
}

/**
 * A hub as the attribution allows (HUB30): its name and place are like a person's name (only
 * under `named`); its headcount names nobody and shows under `named` and `group`.
 */
export interface HubCredit {
  name: string | null;
  place: string | null;
  headcount: number;
}

/** Someone as the attribution allows: every field null under `anonymous` (ATTR1). */
export interface PersonCredit {
  /** Only under `named` (null also when the person gave no name). */
  displayName: string | null;
  /** Under `named` and `group`. */
  stakeholderGroup: StakeholderGroup | null;
  /** In the room or remote: under `named` and `group` (like the record's speaker log, REC4). */
  mode: Mode | null;
  /** Present only for a hub's contributions, and never under `anonymous` (HUB30). */
  hub?: HubCredit;
}

/** Who looks: only the person themselves sees more than the attribution allows (ATTR3). */
export interface CreditViewer {
  /** The viewer is the person credited (their own question, their own seat). */
  self: boolean;
}

export const NOBODY: PersonCredit = Object.freeze({ displayName: null, stakeholderGroup: null, mode: null });

function asGroup(value: string | null): StakeholderGroup | null {
  return value !== null && (STAKEHOLDER_GROUPS as readonly string[]).includes(value) ? (value as StakeholderGroup) : null;
}

function asMode(value: string | null): Mode | null {
  return value !== null && (MODES as readonly string[]).includes(value) ? (value as Mode) : null;
}

/**
 * `named`: name, group and mode; `group`: group and mode, never a name; `anonymous` (the Chatham
 * House Rule): nothing at all, whoever looks, staff included (ATTR1–ATTR2). A person always
 * sees their own facts (ATTR3). A missing person is nobody.
 */
export function attribute(attribution: Attribution, person: PersonFacts | null | undefined, viewer: CreditViewer = { self: false }): PersonCredit {
  if (!person) return NOBODY;
  const hub = person.hub ? { name: person.hub.name, place: person.hub.place, headcount: person.hub.headcount } : null;
  const full: PersonCredit = { displayName: person.displayName, stakeholderGroup: asGroup(person.stakeholderGroup), mode: asMode(person.mode), ...(hub && { hub }) };
  if (viewer.self) return full;
  switch (attribution) {
    case 'named':
      return full;
    case 'group':
      return { displayName: null, stakeholderGroup: full.stakeholderGroup, mode: full.mode, ...(hub && { hub: { name: null, place: null, headcount: hub.headcount } }) };
    case 'anonymous':
      return NOBODY;
    default:
      throw new Error(`unknown attribution ${JSON.stringify(attribution satisfies never)}`);
  }
}

/** Whether a credit says anything of its person (for screens: else it reads "a participant"). */
export function isNobody(credit: PersonCredit): boolean {
  return credit.displayName === null && credit.stakeholderGroup === null && credit.mode === null;
}
