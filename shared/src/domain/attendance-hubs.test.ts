import { describe, expect, it } from 'vitest';
import { countAttendance, hubsSummary, type AttendanceEntry } from './attendance.js';
import type { StakeholderGroup } from './words.js';

function person(overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return { mode: 'in-room', stakeholderGroup: 'academia', role: 'participant', online: true, ...overrides };
}

function hub(headcount: number, groups: StakeholderGroup[] = ['civil-society'], online = true): AttendanceEntry {
  return { mode: 'remote', stakeholderGroup: groups[0]!, role: 'hub', online, hub: { headcount, groups } };
}

describe('attendance with hubs', () => {
  it('HUB10 counts hubs and the people present through them beside individuals: "4 hubs, 63 people"', () => {
    const counts = countAttendance([hub(25), hub(20), hub(10), hub(8), person(), person({ mode: 'remote' })]);
    expect(counts.hubs).toMatchObject({ present: 4, joined: 4, people: 63 });
    expect(hubsSummary(counts.hubs)).toBe('4 hubs, 63 people');
    expect(hubsSummary({ present: 1, people: 25 })).toBe('1 hub, 25 people');
  });

  it('HUB11 a hub is never counted among individual participants, and its headcount is never multiplied', () => {
    const counts = countAttendance([hub(25), person()]);
    expect(counts.participants).toEqual({ present: 1, joined: 1 });
    expect(counts.byMode).toEqual({ 'in-room': 1, remote: 0 });
    expect(counts.byRole.hub).toBe(1);
    expect(counts.present).toBe(2);
    expect(counts.hubs.people).toBe(25);
  });

  it('HUB12 a hub that is not connected counts as joined, not present, and its people are not counted', () => {
    const counts = countAttendance([hub(25, ['academia'], false), hub(4)]);
    expect(counts.hubs).toMatchObject({ present: 1, joined: 2, people: 4 });
  });

  it('HUB13 hubs by stakeholder group follow the fewer-than-3 rule under anonymous attribution', () => {
    const entries = [hub(30, ['academia', 'government']), hub(10, ['academia']), hub(5, ['academia', 'civil-society']), hub(12, ['government'])];
    expect(countAttendance(entries, 'named').hubs.byGroup).toMatchObject({ academia: 3, government: 2, 'civil-society': 1 });
    const anonymous = countAttendance(entries, 'anonymous').hubs.byGroup;
    expect(anonymous.government).toBeNull();
    expect(anonymous['civil-society']).toBeNull();
    // Total and shown counts never give back a hidden one.
    for (const value of Object.values(anonymous)) expect(value === null || value === 0 || value >= 3).toBe(true);
  });

  it('HUB14 no hub: zeroes, and individuals count as before', () => {
    const counts = countAttendance([person(), person({ online: false })]);
    expect(counts.hubs).toMatchObject({ present: 0, joined: 0, people: 0 });
    expect(Object.values(counts.hubs.byGroup).every((n) => n === 0)).toBe(true);
  });
});
