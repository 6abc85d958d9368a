/**
 * Leases other areas may hold: a named lease is held by one owner at a time, across every
 * API process, until released or until its time runs out (the holder died).
 */
export { acquireLease, releaseLease } from './jobs.repository';

/** A job by its idempotency key (e.g. whether a rota's publication is still running). */
export { findJobByKey } from './jobs.repository';
