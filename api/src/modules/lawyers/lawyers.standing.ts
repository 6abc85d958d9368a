import { AppError } from '../../lib/errors';
import { shortLived } from '../../lib/short-lived';
import type { LawyerStanding } from './lawyers.port';
import { findLawyerStatus, findRemovedLawyerIds } from './lawyers.repository';

/**
 * Whether a lawyer has been removed from the roster (已清退): such an account still signs in to
 * see its history, but may no longer check in, take swaps or ask for leave.
 */
const removedIds = shortLived(findRemovedLawyerIds, 5000);

/** For hot paths (check-in): from a set of removed lawyers read at most every few seconds. */
async function isRemovedCached(lawyerId: string): Promise<boolean> {
  return (await removedIds.get()).has(lawyerId);
}

/** After a status change in this process, so that it applies at once here. */
export function forgetStanding(): void {
  removedIds.clear();
}

const lawyerRemovedError = () =>
  new AppError('lawyer_removed', 'You have been removed from the duty roster (已清退) and can no longer take duties', 403);

/** Refuses a removed lawyer (read by primary key, not cached). */
async function assertMayServe(lawyerId: string): Promise<void> {
  if ((await findLawyerStatus(lawyerId)) === 'removed') throw lawyerRemovedError();
}

/** The standing as the other areas ask about it; wired in modules/services.ts. */
export const lawyerStanding: LawyerStanding = {
  assertMayServe,
  async assertMayCheckIn(lawyerId) {
    if (await isRemovedCached(lawyerId)) throw lawyerRemovedError();
  },
};
