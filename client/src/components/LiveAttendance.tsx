import { useLive } from '../state/live-store';
import { AttendancePanel } from './AttendancePanel';

/**
 * The live session's attendance. It changes with every arrival and every vote's activity, so
 * only this panel follows it, not the page around it.
 */
export function LiveAttendance({ folded }: { folded?: boolean }) {
  const attendance = useLive((s) => s.live?.attendance);
  return attendance ? <AttendancePanel attendance={attendance} folded={folded} /> : null;
}
