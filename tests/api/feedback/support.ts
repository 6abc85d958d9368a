import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Client } from '../../support/zhiban';

/** Solves the server's proof-of-work challenge as the browser widget does; returns the widget's payload. */
export async function solvedPayload(anon: Client): Promise<string> {
  const res = await anon.get('/public/feedback/challenge');
  if (res.status !== 200) throw new Error(`challenge: ${res.status} ${JSON.stringify(res.body)}`);
  const solution = await solveChallenge({ challenge: res.body, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
}

/** Test settings: an easy proof of work and small per-IP limits. */
export const easyPublicSettings = {
  proofOfWork: { maxCounter: 20, validSeconds: 600 },
  publicLimits: {
    lookup: { max: 1000, windowMs: 60_000 },
    feedback: { max: 1000, windowMs: 60_000 },
    challenge: { max: 1000, windowMs: 60_000 },
    maxBodyBytes: 16 * 1024,
  },
};
