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
