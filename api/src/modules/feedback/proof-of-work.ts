import { createHash } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';

export interface ProofOfWorkPolicy {
  /** The solver tries counters up to about this many (the work a browser does: ~50,000 is well under a second). */
  maxCounter: number;
  /** How long a challenge may be solved and used, in seconds. */
  validSeconds: number;
}

export const defaultProofOfWork: ProofOfWorkPolicy = { maxCounter: 50_000, validSeconds: 600 };

export interface ProofOfWorkDeps {
  clock: Clock;
  policy: ProofOfWorkPolicy;
  secret(): Promise<string>;
  /** Records a solved challenge once; false when it was already used. */
  claim(key: string, at: Date): Promise<boolean>;
}

/**
 * Proof of work (altcha, no outside service): the server issues a signed challenge, the browser
 * finds the counter, the server checks the signature, the work, the age on its own clock, and
 * that the challenge was not used before.
 */
export function createProofOfWork(deps: ProofOfWorkDeps) {
  async function challenge(): Promise<Challenge> {
    const min = Math.max(1, Math.floor(deps.policy.maxCounter / 2));
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(min, deps.policy.maxCounter),
      deriveKey,
      hmacSignatureSecret: await deps.secret(),
      data: { issuedAt: deps.clock.now().getTime() },
    });
  }

  function decode(payload: string): { challenge: Challenge; solution: Solution } {
    try {
      const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { challenge?: Challenge; solution?: Solution };
      if (!parsed.challenge?.parameters || !parsed.solution || typeof parsed.solution.counter !== 'number') throw new Error('shape');
      return { challenge: parsed.challenge, solution: parsed.solution };
    } catch {
      throw new AppError('proof_of_work_invalid', 'The anti-abuse check is missing or malformed; please try again', 400);
    }
  }

  /** Throws unless the payload solves a challenge this server issued, recently, and not used before. */
  async function verify(payload: string): Promise<void> {
    const { challenge: c, solution } = decode(payload);
    const result = await verifySolution({ challenge: c, solution, deriveKey, hmacSignatureSecret: await deps.secret() });
    if (!result.verified) throw new AppError('proof_of_work_invalid', 'The anti-abuse check failed; please try again', 400);
    const issuedAt = Number(c.parameters.data?.issuedAt);
    const age = deps.clock.now().getTime() - issuedAt;
    if (!Number.isFinite(issuedAt) || age < -60_000 || age > deps.policy.validSeconds * 1000) {
      throw new AppError('proof_of_work_expired', 'The anti-abuse check has expired; please try again', 400);
    }
    const key = createHash('sha256').update(c.signature ?? '').digest('hex');
    if (!(await deps.claim(key, deps.clock.now()))) throw new AppError('proof_of_work_used', 'This check was already used; please try again', 409);
  }

  return { challenge, verify };
}

export type ProofOfWork = ReturnType<typeof createProofOfWork>;
