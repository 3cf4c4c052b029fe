// A series never shows more than any of its sessions allows (SER2): the stricter of the series'
// default and the source session's own attribution wins, item by item.
import type { Credit } from '../record/types.js';
import { NO_CREDIT } from '../record/credit.js';
import { ATTRIBUTIONS, type Attribution } from '../words.js';

/** `anonymous` is stricter than `group`, which is stricter than `named`. */
export function stricterAttribution(a: Attribution, b: Attribution): Attribution {
  return ATTRIBUTIONS.indexOf(a) >= ATTRIBUTIONS.indexOf(b) ? a : b;
}

/** A record credit (already made under its session's attribution) narrowed to `attribution`. */
export function narrowCredit(credit: Credit, attribution: Attribution): Credit {
  switch (attribution) {
    case 'named':
      return credit;
    case 'group':
      return { name: null, group: credit.group };
    case 'anonymous':
      return NO_CREDIT;
    default:
      throw new Error(`unknown attribution ${JSON.stringify(attribution satisfies never)}`);
  }
}
