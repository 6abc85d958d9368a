import { toPlain } from '../../lib/plain';
import { JobModel, LeaseModel, type JobDoc, type JobStatus } from './jobs.model';

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

/**
 * Claims one runnable job of the given kinds: queued and due, or running with an expired
 * lease (its worker died). One conditional update, so two workers never claim the same job.
 */
export async function claimJob(kinds: string[], owner: string, now: Date, leaseMs: number): Promise<Job | null> {
  const doc = await JobModel.findOneAndUpdate(
    {
      kind: { $in: kinds },
      $or: [
        { status: 'queued', runAfter: { $lte: now } },
        { status: 'running', leaseUntil: { $lt: now } },
      ],
    },
    { $set: { status: 'running', leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
    { sort: { runAfter: 1, createdAt: 1 }, returnDocument: 'after' },
  ).lean<JobDoc>();
  return plain(doc);
}

/** Claims one particular job if it is queued (or its lease ran out). */
export async function claimJobById(id: string, owner: string, now: Date, leaseMs: number): Promise<Job | null> {
  const doc = await JobModel.findOneAndUpdate(
    { _id: id, $or: [{ status: 'queued' }, { status: 'running', leaseUntil: { $lt: now } }] },
    { $set: { status: 'running', leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  ).lean<JobDoc>();
  return plain(doc);
}

/** Updates a job this worker holds; false when the lease was lost to another worker. */
export async function updateHeldJob(id: string, owner: string, set: Record<string, unknown>): Promise<boolean> {
  const res = await JobModel.updateOne({ _id: id, leaseOwner: owner, status: 'running' }, { $set: set });
  return res.matchedCount === 1;
}

export async function finishJob(id: string, owner: string, status: Extract<JobStatus, 'done' | 'failed' | 'queued'>, set: Record<string, unknown>): Promise<boolean> {
  const res = await JobModel.updateOne(
    { _id: id, leaseOwner: owner, status: 'running' },
    { $set: { ...set, status, leaseOwner: null, leaseUntil: null } },
  );
  return res.matchedCount === 1;
}

/** Takes or renews the named lease if it is free, expired, or already ours. */
export async function acquireLease(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  const res = await LeaseModel.updateOne(
    { _id: name, $or: [{ owner }, { until: { $lt: now } }] },
    { $set: { owner, until } },
  );
  if (res.matchedCount === 1) return true;
  try {
    await LeaseModel.create({ _id: name, owner, until });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

export async function releaseLease(name: string, owner: string): Promise<void> {
  await LeaseModel.deleteOne({ _id: name, owner });
}
