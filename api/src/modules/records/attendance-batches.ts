import type { Duty } from '../../contracts/rotas';
import type { CheckinsService, DutyAttendance } from '../checkins/checkins.service';

/**
 * Attendance of duties, read so that check-ins are found by primary key: the check-in service reads
 * up to ten duties by id and more with a filter, which on FerretDB reads every check-in ever made.
 * Large one-off reads (the first statistics over years) still go in big batches.
 */
export async function attendanceByKey(checkins: Pick<CheckinsService, 'attendanceOf'>, duties: Duty[], now: Date): Promise<DutyAttendance[]> {
  const size = duties.length <= 2000 ? 10 : 500;
  const out: DutyAttendance[] = [];
  for (let i = 0; i < duties.length; i += size) out.push(...(await checkins.attendanceOf(duties.slice(i, i + size), now)));
  return out;
}
