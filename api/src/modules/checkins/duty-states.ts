import type { AttendanceState } from '../../contracts/checkins';
import type { Duty } from '../../contracts/rotas';
import type { Clock } from '../../lib/clock';
import { dutyTimes, evaluateAttendance, type Marks } from '../attendance/attendance.port';
import { dutyKeyOf } from '../attendance/attendance.service';
import { postSettings, type PostSettings } from './checkin-settings';
import { findMarksOfDuties, type StoredCheckin } from './checkins.repository';

/** A duty's attendance at a moment: its state, its check-in and check-out, its post's settings. */
export interface DutyAttendance {
  duty: Duty;
  dutyKey: string;
  state: AttendanceState;
  inAt: Date | null;
  outAt: Date | null;
  settings: PostSettings;
}

function marksOf(checkins: Pick<StoredCheckin, 'dutyKey' | 'kind' | 'at'>[]): Map<string, Marks> {
  const marks = new Map<string, Marks>();
  for (const c of checkins) {
    const m = marks.get(c.dutyKey) ?? { inAt: null, outAt: null };
    if (c.kind === 'in') m.inAt = c.at;
    else m.outAt = c.at;
    marks.set(c.dutyKey, m);
  }
  return marks;
}

/** Duties' attendance states, read from their check-ins and their posts' settings. */
export function createDutyStates(deps: { clock: Clock }) {
  /** States of duties at `now` from their check-ins and their posts' thresholds (`marks: false`: as if none were made). */
  async function attendanceOf(duties: Duty[], now = deps.clock.now(), opts: { marks?: boolean } = {}): Promise<DutyAttendance[]> {
    const keys = duties.map(dutyKeyOf);
    const [checkins, settingsOfPost] = await Promise.all([opts.marks === false ? [] : findMarksOfDuties(duties.map((d, i) => ({ dutyKey: keys[i]!, day: d.day }))), postSettings()]);
    const marks = marksOf(checkins);
    return duties.map((duty, i) => {
      const m = marks.get(keys[i]!) ?? { inAt: null, outAt: null };
      const s = settingsOfPost(duty.postId);
      return { duty, dutyKey: keys[i]!, state: evaluateAttendance(dutyTimes(duty), s, m, now).state, inAt: m.inAt, outAt: m.outAt, settings: s };
    });
  }

  return { attendanceOf };
}

export type DutyStates = ReturnType<typeof createDutyStates>;
