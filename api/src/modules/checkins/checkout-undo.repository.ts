import { CheckinModel, type CheckinDoc } from './checkins.model';

/** The check-out of a duty (its primary key is `<dutyKey>:out`). */
export async function findCheckout(dutyKey: string): Promise<CheckinDoc | null> {
  return CheckinModel.findById(`${dutyKey}:out`).lean<CheckinDoc>();
}

/** Deletes exactly that check-out (same instant): false when it is gone or was replaced meanwhile. */
export async function deleteCheckout(dutyKey: string, at: Date): Promise<boolean> {
  const res = await CheckinModel.deleteOne({ _id: `${dutyKey}:out`, at });
  return res.deletedCount === 1;
}
