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
    const counts = countAttendance([entry({ online: true }), entry({ online: false }), entry({ online: false, mode: 'remote', stakeholderGroup: 'government', role: 'observer' })]);
    expect(counts.joined).toBe(3);
    expect(counts.present).toBe(1);
    // People not connected are not in the breakdowns.
    expect(counts.byMode.remote).toBe(0);
    expect(counts.byGroup.government).toBe(0);
    expect(counts.byRole.observer).toBe(0);
  });

  it('breaks the people present down by mode, stakeholder group and role', () => {
    const counts = countAttendance([
      entry({ mode: 'in-room', stakeholderGroup: 'government', role: 'host' }),
      entry({ mode: 'remote', stakeholderGroup: 'government', role: 'participant' }),
      entry({ mode: 'remote', stakeholderGroup: 'civil-society', role: 'participant' }),
      entry({ mode: 'remote', stakeholderGroup: 'technical-community', role: 'participant' }),
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
    expect(counts.byRole).toEqual({ facilitator: 0, moderator: 0, host: 1, participant: 3, rapporteur: 0, captioner: 0, translator: 0, hub: 0, observer: 0 });
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
    const sum = (record: Record<string, number | null>) => Object.values(record).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(counts.joined).toBe(50);
    expect(counts.present).toBe(entries.filter((e) => e.online).length);
    expect(sum(counts.byMode)).toBe(counts.participants.present);
    expect(sum(counts.byGroup)).toBe(counts.participants.present);
    expect(sum(counts.byRole)).toBe(counts.present);
  });

  it('ATTEND1 counts participants apart from staff, support roles and observers', () => {
    const counts = countAttendance([
      entry({ role: 'facilitator', stakeholderGroup: 'other' }),
      entry({ role: 'moderator', stakeholderGroup: 'other' }),
      entry({ role: 'observer', mode: 'remote', stakeholderGroup: 'other' }),
      entry({ role: 'rapporteur', stakeholderGroup: 'other' }),
      entry({ role: 'captioner', stakeholderGroup: 'other' }),
      entry({ role: 'participant', stakeholderGroup: 'government' }),
      entry({ role: 'host', mode: 'remote', stakeholderGroup: 'academia' }),
      entry({ role: 'participant', online: false }),
    ]);
    expect(counts.participants).toEqual({ present: 2, joined: 3 });
    expect(counts.byGroup.other).toBe(0);
    expect(counts.byGroup).toMatchObject({ government: 1, academia: 1 });
    expect(counts.byMode).toEqual({ 'in-room': 1, remote: 1 });
    // Everyone present, by role, so the console still sees its staff and observers.
    expect(counts.present).toBe(7);
    expect(counts.byRole).toMatchObject({ facilitator: 1, moderator: 1, observer: 1, participant: 1, host: 1 });
  });

  it('ATTR5 under anonymous a group with fewer than 3 participants present shows no count, nor does the group whose count would give it back from the total; other attributions show all', () => {
    const entries = [
      entry({ stakeholderGroup: 'government' }),
      entry({ stakeholderGroup: 'academia' }),
      entry({ stakeholderGroup: 'academia' }),
      entry({ stakeholderGroup: 'academia' }),
      entry({ stakeholderGroup: 'other', role: 'facilitator' }),
    ];
    const anonymous = countAttendance(entries, 'anonymous');
    // Total 4 and Academia 3 would give Government's 1 back by subtraction: Academia is not shown either.
    expect(anonymous.byGroup).toMatchObject({ government: null, academia: null, other: 0, 'civil-society': 0 });
    expect(anonymous.participants.present).toBe(4);
    const more = countAttendance(
      [
        ...entries,
        entry({ stakeholderGroup: 'government' }),
        entry({ stakeholderGroup: 'other' }),
        ...Array.from({ length: 4 }, () => entry({ stakeholderGroup: 'civil-society' })),
      ],
      'anonymous',
    );
    expect(more.byGroup).toMatchObject({ government: null, other: null, academia: 3, 'civil-society': 4, intergovernmental: 0 });
    expect(countAttendance(entries, 'group').byGroup).toMatchObject({ government: 1, academia: 3 });
  });

  it('accepts any iterable, not just arrays', () => {
    function* people() {
      yield entry();
      yield entry({ online: false });
    }
    expect(countAttendance(people())).toMatchObject({ joined: 2, present: 1 });
  });
});
