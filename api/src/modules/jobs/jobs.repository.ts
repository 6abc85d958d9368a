import { randomUUID } from 'node:crypto';
import { claimStep, ClaimModel, isDuplicateKey, type ClaimDoc } from '../../db/claims';
import { toPlain } from '../../lib/plain';
import { JobModel, LeaseEpochModel, LeaseModel, type JobDoc, type JobStatus, type LeaseDoc, type LeaseEpochDoc } from './jobs.model';

export type Job = Omit<JobDoc, '_id' | '__v'> & { id: string };

const plain = (doc: JobDoc | null): Job | null => (doc ? (toPlain(doc) as Job) : null);

export async function insertJob(
  fields: Pick<JobDoc, 'kind' | 'key' | 'payload' | 'maxAttempts' | 'createdBy' | 'runAfter'> & { id?: string },
): Promise<Job> {
  const { id, ...rest } = fields;
  try {
    const doc = await JobModel.create({ ...rest, ...(id ? { _id: id } : {}), status: 'queued', steps: {}, progress: { done: 0, total: 0, phase: '' } });
    return plain(doc.toObject())!;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      const existing = await JobModel.findOne({ key: fields.key }).lean<JobDoc>();
      if (existing) return plain(existing)!;
    }
    throw err;
  }
}

export async function findJob(id: string): Promise<Job | null> {
  return plain(await JobModel.findById(id).lean<JobDoc>());
}

export async function findJobByKey(key: string): Promise<Job | null> {
  return plain(await JobModel.findOne({ key }).lean<JobDoc>());
}

const jobClaimKey = (id: string, attempt: number) => `job:${id}:${attempt}`;
const stepKey = (id: string, name: string) => `job:${id}:step:${name}`;

const runnable = (doc: JobDoc, now: Date) =>
  (doc.status === 'queued' && doc.runAfter <= now) || (doc.status === 'running' && doc.leaseUntil !== null && doc.leaseUntil < now);

/**
 * Claims attempt `attempts + 1` of a job by inserting `job:<id>:<attempt>`: of racing workers
 * exactly one takes an attempt. The job document then mirrors the claim; should its winner die
 * before writing that, the attempt counts as run once its lease time has passed, and the
 * next attempt may be claimed.
 */
async function claimAttempt(doc: JobDoc, owner: string, now: Date, leaseMs: number): Promise<Job | null> {
  const id = String(doc._id);
  let attempt = doc.attempts + 1;
  for (let tries = 0; tries < 3; tries++, attempt++) {
    const claim = await claimStep(jobClaimKey(id, attempt), `${owner}#${randomUUID()}`, null, now);
    if (claim.won) {
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const set = { status: 'running' as const, leaseOwner: owner, leaseUntil, attempts: attempt };
      await JobModel.updateOne({ _id: doc._id }, { $set: set });
      return plain({ ...doc, ...set });
    }
    const winner = await ClaimModel.findById(jobClaimKey(id, attempt)).lean<ClaimDoc>();
    if (!winner || winner.at.getTime() + leaseMs >= now.getTime()) return null;
  }
  return null;
}

/**
 * Claims one runnable job of the given kinds: queued and due, or running with an expired
 * lease (its worker died). Each attempt is a unique insert, so two workers never claim the
 * same job.
 */
export async function claimJob(kinds: string[], owner: string, now: Date, leaseMs: number): Promise<Job | null> {
  const candidates = await JobModel.find({
    kind: { $in: kinds },
    $or: [
      { status: 'queued', runAfter: { $lte: now } },
      { status: 'running', leaseUntil: { $lt: now } },
    ],
  })
    .sort({ runAfter: 1, createdAt: 1 })
    .limit(8)
    .lean<JobDoc[]>();
  for (const doc of candidates) {
    const job = await claimAttempt(doc, owner, now, leaseMs);
    if (job) return job;
  }
  return null;
}

/** Claims one particular job if it is queued (or its lease ran out). */
export async function claimJobById(id: string, owner: string, now: Date, leaseMs: number): Promise<Job | null> {
  const doc = await JobModel.findById(id).lean<JobDoc>();
  if (!doc || !(doc.status === 'queued' || runnable(doc, now))) return null;
  return claimAttempt(doc, owner, now, leaseMs);
}

/** Whether a later attempt than `attempt` was claimed (this worker's lease was taken over). */
async function overtaken(id: string, attempt: number): Promise<boolean> {
  return (await ClaimModel.exists({ _id: jobClaimKey(id, attempt + 1) })) !== null;
}

/** Updates a job this worker holds (attempt `attempt`); false when the lease was lost to another worker. */
export async function updateHeldJob(id: string, owner: string, attempt: number, set: Record<string, unknown>): Promise<boolean> {
  if (await overtaken(id, attempt)) return false;
  const res = await JobModel.updateOne({ _id: id, leaseOwner: owner, status: 'running' }, { $set: set });
  return res.matchedCount === 1;
}

export async function finishJob(
  id: string,
  owner: string,
  attempt: number,
  status: Extract<JobStatus, 'done' | 'failed' | 'queued'>,
  set: Record<string, unknown>,
): Promise<boolean> {
  if (await overtaken(id, attempt)) return false;
  const res = await JobModel.updateOne(
    { _id: id, leaseOwner: owner, status: 'running' },
    { $set: { ...set, status, leaseOwner: null, leaseUntil: null } },
  );
  return res.matchedCount === 1;
}

/**
 * Records the result of a job's step once: the first runner to finish it inserts
 * `job:<id>:step:<name>`; a runner that finishes it again (after a takeover) gets the
 * recorded result, so every later step sees one answer.
 */
export async function recordStep<T>(id: string, name: string, owner: string, value: T, at: Date): Promise<T> {
  return (await claimStep(stepKey(id, name), `${owner}#${randomUUID()}`, value, at)).value;
}

const epochKey = (name: string, epoch: number) => `${name}:${epoch}`;
/** Epochs kept behind the latest (older ones are deleted as new ones are taken). */
const KEPT_EPOCHS = 32;

/** The latest epoch of a lease: from the pointer, walking forward by `_id` while a later one exists. */
async function latestEpoch(name: string): Promise<{ epoch: number; claim: LeaseEpochDoc | null }> {
  let epoch = (await LeaseModel.findById(name).lean<LeaseDoc>())?.epoch ?? 0;
  let claim = epoch > 0 ? await LeaseEpochModel.findById(epochKey(name, epoch)).lean<LeaseEpochDoc>() : null;
  for (;;) {
    const next = await LeaseEpochModel.findById(epochKey(name, epoch + 1)).lean<LeaseEpochDoc>();
    if (!next) return { epoch, claim };
    epoch += 1;
    claim = next;
  }
}

async function raisePointer(name: string, epoch: number): Promise<void> {
  try {
    await LeaseModel.updateOne({ _id: name }, { $max: { epoch } }, { upsert: true });
  } catch (err) {
    // Two first epochs racing to create the pointer: the other created it, raise it now.
    if (!isDuplicateKey(err)) throw err;
    await LeaseModel.updateOne({ _id: name }, { $max: { epoch } });
  }
}

/**
 * Takes or renews the named lease if it is free, released, expired, or already ours, by
 * inserting its next epoch: a renewal and a takeover race for the same `_id`, so exactly one
 * process holds the lease whatever the number of connections and processes.
 */
export async function acquireLease(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
  const { epoch, claim } = await latestEpoch(name);
  const free = !claim || claim.owner === owner || claim.releasedAt !== null || claim.until < now;
  if (!free) return false;
  const next = epoch + 1;
  try {
    await LeaseEpochModel.create({ _id: epochKey(name, next), name, epoch: next, owner, claimedAt: new Date(), until: new Date(now.getTime() + ttlMs), releasedAt: null });
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
  await raisePointer(name, next);
  // A claimer that stalled for many epochs could find an old, swept epoch free; the pointer
  // (raised before any sweep) tells it that it is behind.
  const pointer = (await LeaseModel.findById(name).lean<LeaseDoc>())?.epoch ?? 0;
  if (pointer > next) return false;
  if (next > KEPT_EPOCHS) await LeaseEpochModel.deleteOne({ _id: epochKey(name, next - KEPT_EPOCHS) });
  return true;
}

export async function releaseLease(name: string, owner: string): Promise<void> {
  const { epoch, claim } = await latestEpoch(name);
  if (claim && claim.owner === owner && claim.releasedAt === null) {
    await LeaseEpochModel.updateOne({ _id: epochKey(name, epoch), owner }, { $set: { releasedAt: new Date() } });
  }
}

/** The stored epochs of a lease, oldest first (for tests and diagnostics). */
export async function leaseEpochs(name: string): Promise<LeaseEpochDoc[]> {
  return LeaseEpochModel.find({ name }).sort({ epoch: 1 }).lean<LeaseEpochDoc[]>();
}
