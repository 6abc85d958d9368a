import { AppError } from '../../lib/errors';
import { shortLived } from '../../lib/short-lived';
import { LawyerModel } from './lawyers.model';

/**
 * Whether a lawyer has been removed from the roster (已清退): such an account still signs in to
 * see its history, but may no longer check in, take swaps or ask for leave.
 */
const removedIds = shortLived(
  async () => new Set((await LawyerModel.find({ status: 'removed' }).select({ _id: 1 }).lean<{ _id: unknown }[]>()).map((d) => String(d._id))),
  5000,
);

/** For hot paths (check-in): from a set of removed lawyers read at most every few seconds. */
export async function isRemovedCached(lawyerId: string): Promise<boolean> {
  return (await removedIds.get()).has(lawyerId);
}

/** After a status change in this process, so that it applies at once here. */
export function forgetStanding(): void {
  removedIds.clear();
}

export const lawyerRemovedError = () =>
  new AppError('lawyer_removed', 'You have been removed from the duty roster (已清退) and can no longer take duties', 403);

/** Refuses a removed lawyer (read by primary key, not cached). */
export async function assertMayServe(lawyerId: string): Promise<void> {
  const doc = await LawyerModel.findById(lawyerId).select({ status: 1 }).lean<{ status: string }>();
  if (doc?.status === 'removed') throw lawyerRemovedError();
}
