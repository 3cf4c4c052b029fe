import { describe, expect, it } from 'vitest';
import { countAttendance, type AttendanceEntry } from './attendance.js';
import { MODES, ROLES, STAKEHOLDER_GROUPS } from './words.js';

function entry(overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return { mode: 'in-room', stakeholderGroup: 'academia', role: 'participant', online: true, ...overrides };
}

describe('countAttendance', () => {
  it('gives zero for every mode, group and role when nobody is there', () => {
    const counts = countAttendance([]);
    expect(counts.present).toBe(0);
    expect(counts.joined).toBe(0);
    expect(Object.keys(counts.byMode).sort()).toEqual([...MODES].sort());
    expect(Object.keys(counts.byGroup).sort()).toEqual([...STAKEHOLDER_GROUPS].sort());
    expect(Object.keys(counts.byRole).sort()).toEqual([...ROLES].sort());
    for (const n of [...Object.values(counts.byMode), ...Object.values(counts.byGroup), ...Object.values(counts.byRole)]) {
      expect(n).toBe(0);
    }
  });

  it('counts everyone as joined but only people online as present', () => {
    const counts = countAttendance([
      entry({ online: true }),
      entry({ online: false }),
      entry({ online: false, mode: 'remote', stakeholderGroup: 'government', role: 'observer' }),
    ]);
    expect(counts.joined).toBe(3);
    expect(counts.present).toBe(1);
    // People not connected are not in the breakdowns.
    expect(counts.byMode.remote).toBe(0);
    expect(counts.byGroup.government).toBe(0);
    expect(counts.byRole.observer).toBe(0);
  });

  it('breaks the people present down by mode, stakeholder group and role', () => {
    const counts = countAttendance([
      entry({ mode: 'in-room', stakeholderGroup: 'government', role: 'facilitator' }),
      entry({ mode: 'remote', stakeholderGroup: 'government', role: 'participant' }),
      entry({ mode: 'remote', stakeholderGroup: 'civil-society', role: 'participant' }),
      entry({ mode: 'remote', stakeholderGroup: 'technical-community', role: 'rapporteur' }),
    ]);
    expect(counts.present).toBe(4);
    expect(counts.byMode).toEqual({ 'in-room': 1, remote: 3 });
    expect(counts.byGroup).toEqual({
      government: 2,
      'private-sector': 0,
      'civil-society': 1,
      academia: 0,
      'technical-community': 1,
      intergovernmental: 0,
      other: 0,
    });
    expect(counts.byRole).toEqual({ facilitator: 1, moderator: 0, host: 0, participant: 2, rapporteur: 1, captioner: 0, observer: 0 });
  });

  it('each breakdown adds up to the number present', () => {
    const entries: AttendanceEntry[] = [];
    for (let i = 0; i < 50; i++) {
      entries.push({
        mode: MODES[i % MODES.length]!,
        stakeholderGroup: STAKEHOLDER_GROUPS[i % STAKEHOLDER_GROUPS.length]!,
        role: ROLES[i % ROLES.length]!,
        online: i % 3 !== 0,
      });
    }
    const counts = countAttendance(entries);
    const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
    expect(counts.joined).toBe(50);
    expect(counts.present).toBe(entries.filter((e) => e.online).length);
    expect(sum(counts.byMode)).toBe(counts.present);
    expect(sum(counts.byGroup)).toBe(counts.present);
    expect(sum(counts.byRole)).toBe(counts.present);
  });

  it('accepts any iterable, not just arrays', () => {
    function* people() {
      yield entry();
      yield entry({ online: false });
    }
    expect(countAttendance(people())).toMatchObject({ joined: 2, present: 1 });
  });
});
