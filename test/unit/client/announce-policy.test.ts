import { describe, expect, it } from 'vitest';
import {
  ANNOUNCE_LEVELS,
  connectionNews,
  DEFAULT_ANNOUNCE_LEVEL,
  eventLevel,
  handEvent,
  seatEvent,
  shouldAnnounce,
  type AnnounceEvent,
} from '../../../client/src/announce/policy.js';

const hand = (raised: boolean, position: number | null, hasFloor = false) => ({ raised, position, hasFloor });

describe('which live news is said at which announcement level', () => {
  it('A11Y10 the default is “what I must act on”, and the levels go from the most to the least', () => {
    expect(DEFAULT_ANNOUNCE_LEVEL).toBe('act');
    expect(ANNOUNCE_LEVELS).toEqual(['everything', 'act', 'mine']);
  });

  it('A11Y11 a poll opening and a round changing are said at “act” and “everything”, not at “mine”', () => {
    for (const event of [{ kind: 'poll-opened' }, { kind: 'round-changed' }, { kind: 'timer', mine: false }] as AnnounceEvent[]) {
      expect(eventLevel(event)).toBe('act');
      expect(shouldAnnounce('everything', event)).toBe(true);
      expect(shouldAnnounce('act', event)).toBe(true);
      expect(shouldAnnounce('mine', event)).toBe(false);
    }
  });

  it('A11Y11 what is addressed to the person is said at every level', () => {
    for (const event of [
      { kind: 'floor-given' },
      { kind: 'next-speaker' },
      { kind: 'hand-lowered' },
      { kind: 'table-changed' },
      { kind: 'timer', mine: true },
    ] as AnnounceEvent[]) {
      for (const level of ANNOUNCE_LEVELS) expect(shouldAnnounce(level, event)).toBe(true);
    }
  });

  it('A11Y13 someone else’s new question is said only to those who chose everything', () => {
    expect(shouldAnnounce('everything', { kind: 'new-question' })).toBe(true);
    expect(shouldAnnounce('act', { kind: 'new-question' })).toBe(false);
    expect(shouldAnnounce('mine', { kind: 'new-question' })).toBe(false);
  });
});

describe('the hand’s news', () => {
  it('A11Y12 the status found when the page loads is never said, “your hand is down” included', () => {
    expect(handEvent(null, hand(false, null))).toBeNull();
    expect(handEvent(null, hand(true, 0))).toBeNull();
    expect(handEvent(null, hand(false, null, true))).toBeNull();
  });

  it('A11Y12 changes are said: next in line, the floor, the hand down', () => {
    expect(handEvent(hand(true, 2), hand(true, 0))).toEqual({ kind: 'next-speaker' });
    expect(handEvent(hand(true, 0), hand(false, null, true))).toEqual({ kind: 'floor-given' });
    expect(handEvent(hand(true, 1), hand(false, null))).toEqual({ kind: 'hand-lowered' });
  });

  it('A11Y12 a move in the queue that is not to the front, and the floor ending, are not news', () => {
    expect(handEvent(hand(true, 3), hand(true, 2))).toBeNull();
    expect(handEvent(hand(true, 0), hand(true, 0))).toBeNull();
    expect(handEvent(hand(false, null, true), hand(false, null))).toBeNull();
    expect(handEvent(hand(false, null), hand(false, null))).toBeNull();
  });
});

describe('the café seat’s news', () => {
  it('A11Y14 a table for the next round that is another table is said; the same table is not', () => {
    expect(seatEvent({ round: 1, tableId: 'a' }, { round: 2, tableId: 'b' })).toEqual({ kind: 'table-changed' });
    expect(seatEvent({ round: 1, tableId: 'a' }, { round: 2, tableId: 'a' })).toBeNull();
  });

  it('A11Y14 the seat shown at load is not said; a first seat given while waiting is', () => {
    expect(seatEvent(undefined, { round: 1, tableId: 'a' })).toBeNull();
    expect(seatEvent(null, { round: 1, tableId: 'a' })).toEqual({ kind: 'table-changed' });
    expect(seatEvent({ round: 1, tableId: 'a' }, null)).toBeNull();
  });
});

describe('the notepad connection’s news', () => {
  it('A11Y15 loading and a new round’s notepad say nothing: connecting, then connected', () => {
    expect(connectionNews(null, 'connecting', false)).toBeNull();
    expect(connectionNews('connecting', 'connected', false)).toBeNull();
  });

  it('A11Y15 a connection lost, and back, is said; a closed notepad is said', () => {
    expect(connectionNews('connected', 'offline', false)).toBe('lost');
    expect(connectionNews('offline', 'connecting', true)).toBeNull();
    expect(connectionNews('connecting', 'connected', true)).toBe('back');
    expect(connectionNews('connected', 'closed', false)).toBe('closed');
    expect(connectionNews('connected', 'connected', true)).toBeNull();
  });
});
