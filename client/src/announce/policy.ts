// Which live news is said to a screen reader, at which of the participant's announcement levels
// (A11Y10–A11Y14). Pure: the views decide what happened, this decides whether it is said.

/** How much a participant wants announced, from the most to the least. */
export const ANNOUNCE_LEVELS = ['everything', 'act', 'mine'] as const;
export type AnnounceLevel = (typeof ANNOUNCE_LEVELS)[number];
/** "What I must act on": a poll to answer, the floor, a table to go to, a timer running out. */
export const DEFAULT_ANNOUNCE_LEVEL: AnnounceLevel = 'act';

/**
 * What happened. `mine` news is addressed to this person (the floor given to them, their hand,
 * their table); `act` news asks everyone to do something (a poll opened, a timer); the rest is
 * only worth hearing for those who want everything (someone else's question).
 */
export type AnnounceEvent =
  | { kind: 'floor-given' }
  | { kind: 'next-speaker' }
  | { kind: 'hand-lowered' }
  | { kind: 'table-changed' }
  | { kind: 'poll-opened' }
  | { kind: 'round-changed' }
  | { kind: 'timer'; mine: boolean }
  | { kind: 'new-question' };

/** The narrowest level at which an event is still said. */
export function eventLevel(event: AnnounceEvent): AnnounceLevel {
  switch (event.kind) {
    case 'floor-given':
    case 'next-speaker':
    case 'hand-lowered':
    case 'table-changed':
      return 'mine';
    case 'timer':
      return event.mine ? 'mine' : 'act';
    case 'poll-opened':
    case 'round-changed':
      return 'act';
    case 'new-question':
      return 'everything';
  }
}

/** Whether `event` is said to someone who chose `level`. */
export function shouldAnnounce(level: AnnounceLevel, event: AnnounceEvent): boolean {
  return ANNOUNCE_LEVELS.indexOf(eventLevel(event)) >= ANNOUNCE_LEVELS.indexOf(level);
}

export function isAnnounceLevel(value: unknown): value is AnnounceLevel {
  return typeof value === 'string' && (ANNOUNCE_LEVELS as readonly string[]).includes(value);
}

/** What a hand's status became, as an event, or null when nothing worth saying changed (A11Y12). */
export function handEvent(
  before: { raised: boolean; hasFloor: boolean; position: number | null } | null,
  after: { raised: boolean; hasFloor: boolean; position: number | null },
): AnnounceEvent | null {
  // The first status seen (the page loading) is never said: the page shows it.
  if (before === null) return null;
  if (after.hasFloor && !before.hasFloor) return { kind: 'floor-given' };
  if (after.hasFloor) return null;
  if (after.raised && after.position === 0 && !(before.raised && before.position === 0)) return { kind: 'next-speaker' };
  // Down after being up, but not because the floor was given and taken back (the floor's end is not news to act on).
  if (!after.raised && before.raised && !before.hasFloor) return { kind: 'hand-lowered' };
  return null;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'closed';

/**
 * The notepad's connection, said only when it is lost after having been there, when it comes
 * back, and when the server closes it for good (A11Y15): never "Connecting… / Connected" on
 * every load and round change. `lost` is whether it was lost since it was last connected.
 */
export function connectionNews(before: ConnectionStatus | null, after: ConnectionStatus, lost: boolean): 'lost' | 'back' | 'closed' | null {
  if (before === after) return null;
  if (after === 'closed') return 'closed';
  if (after === 'offline' && before !== null && before !== 'offline') return 'lost';
  if (after === 'connected' && lost) return 'back';
  return null;
}

/** Where a person sits: the round and the table. */
export interface SeatAt {
  round: number;
  tableId: string;
}

/**
 * A café seat that changed after the page loaded (A11Y14): a table for the next round that is not
 * the one they sit at, or a first table given while they waited. `before` is undefined on the
 * first observation (the page loading), which is never said.
 */
export function seatEvent(before: SeatAt | null | undefined, after: SeatAt | null): AnnounceEvent | null {
  if (before === undefined || after === null) return null;
  if (before === null) return { kind: 'table-changed' };
  if (after.tableId !== before.tableId) return { kind: 'table-changed' };
  return null;
}
