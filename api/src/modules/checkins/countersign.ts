import type { Post } from '../../contracts/posts';
import { AppError } from '../../lib/errors';
import { addCountersignFailure, countersignFailures, findCredential } from './checkins.repository';
import { pinHash, sameHex } from './credential-hashes';

export const COUNTERSIGN_MAX_FAILURES = 5;

/**
 * Checks the station staff's countersign PIN of a check-in; after COUNTERSIGN_MAX_FAILURES
 * wrong ones a lawyer is locked out at that post for the day.
 */
export async function checkCountersign(lawyerId: string, post: Post, day: string, pin: string | undefined, secret: string): Promise<void> {
  if (!pin) throw new AppError('countersign_required', "This post needs the station staff's countersign", 400);
  const failKey = `${lawyerId}:${post.id}:${day}`;
  if ((await countersignFailures(failKey)) >= COUNTERSIGN_MAX_FAILURES) {
    throw new AppError('countersign_locked', 'Too many wrong countersign PINs today; ask the centre', 429);
  }
  const cred = await findCredential(post.id, 'countersign');
  if (cred && sameHex(cred.hash, pinHash(secret, post.id, pin))) return;
  const failures = await addCountersignFailure(failKey);
  throw new AppError('countersign_invalid', 'The countersign PIN is wrong', 403, { attemptsLeft: Math.max(0, COUNTERSIGN_MAX_FAILURES - failures) });
}
