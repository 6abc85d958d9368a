import type { AttendanceState } from '@/api/checkins';

/** One colour per attendance state, shared by tags, kiosk badges and map markers. */
export const STATE_COLOURS: Record<AttendanceState, string> = {
  not_yet_due: '#909399',
  due: '#409eff',
  checked_in: '#2e9e44',
  late: '#e6a23c',
  absent: '#d03050',
  checked_out: '#5c6b7a',
  left_early: '#c45a00',
};

/** Which state a post shows on the map when its lawyers differ: the most worrying one. */
export const STATE_SEVERITY: AttendanceState[] = ['absent', 'late', 'left_early', 'due', 'checked_in', 'checked_out', 'not_yet_due'];

export function worstState(states: AttendanceState[]): AttendanceState | null {
  for (const s of STATE_SEVERITY) if (states.includes(s)) return s;
  return null;
}
