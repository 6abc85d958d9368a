import { AttendanceEventModel } from '../attendance/attendance.model';
import { CheckinModel, type CheckinDoc } from './checkins.model';
import { beginMarkChange, dayOfDutyKey, removeMarkIf } from './checkin-marks.repository';

/** The check-out of a duty (its primary key is `<dutyKey>:out`). */
export async function findCheckout(dutyKey: string): Promise<CheckinDoc | null> {
  return CheckinModel.findById(`${dutyKey}:out`).lean<CheckinDoc>();
}

/** Deletes exactly that check-out (same instant), and its mark: false when it is gone or was replaced meanwhile. */
export async function deleteCheckout(dutyKey: string, at: Date): Promise<boolean> {
  const duty = { dutyKey, day: dayOfDutyKey(dutyKey) };
  await beginMarkChange(duty, 'out');
  const res = await CheckinModel.deleteOne({ _id: `${dutyKey}:out`, at });
  await removeMarkIf(duty, 'out', at);
  return res.deletedCount === 1;
}

/** Withdraws the "left early" event a check-out at `at` recorded for the duty; false when there was none. */
export async function withdrawLeftEarly(dutyKey: string, at: Date): Promise<boolean> {
  const res = await AttendanceEventModel.deleteOne({ key: `${dutyKey}:left_early`, at });
  return res.deletedCount === 1;
}
