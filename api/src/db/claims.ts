import { randomUUID } from 'node:crypto';
import mongoose, { Schema, type Model } from 'mongoose';

/**
 * Race-sensitive steps as unique inserts. A step that must happen once (a status moving on
 * from one state, a publication moving on from one version, a job attempt, a job step) is
 * claimed by inserting a document whose `_id` names the step; of any number of racers on any
 * number of connections and processes, exactly one insert succeeds. That holds on MongoDB and
 * on FerretDB alike, unlike a conditional update, which FerretDB applies by reading and then
 * writing (so racing ones can both "win").
 *
 * The claim records what its winner is about to write (`value`), so the step can be finished
 * by anyone who finds the claim but not yet its effect (the winner may have died in between):
 * writes after a claim are idempotent roll-forwards, never a second decision.
 */
export interface ClaimDoc {
  _id: string;
  holder: string;
  value: unknown;
  at: Date;
}

const claimSchema = new Schema<ClaimDoc>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    value: { type: Schema.Types.Mixed, default: null },
    at: { type: Date, required: true },
  },
  { minimize: false, versionKey: false },
);

export const ClaimModel = mongoose.model<ClaimDoc>('Claim', claimSchema, 'claims');

export interface Claim<T> {
  /** This holder's insert won (now or in an earlier attempt by the same holder). */
  won: boolean;
  holder: string;
  /** The winner's value: what the step is to write (null once written, where the caller clears it). */
  value: T;
  /** When the winner claimed it. */
  at: Date;
}

/**
 * How long a claim's winner has to write its change before others write it for it (it died):
 * only for progress, never for safety (whoever writes a claim's change writes the same change).
 */
export const STALE_CLAIM_MS = 5000;

/** Whether a claim another holder won has waited long enough to be finished by someone else. */
export const isStale = (claim: Claim<unknown>): boolean => !claim.won && claim.value !== null && Date.now() - claim.at.getTime() > STALE_CLAIM_MS;

export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number }).code === 11000;

/**
 * Claims the step `key` for `holder`, recording `value`. A holder that claims again (a retry
 * after a crash) is told it won, with the value it recorded the first time.
 */
export async function claimStep<T>(key: string, holder: string, value: T, at: Date): Promise<Claim<T>> {
  try {
    await ClaimModel.create({ _id: key, holder, value: value ?? null, at });
    return { won: true, holder, value, at };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const winner = await ClaimModel.findById(key).lean<ClaimDoc>();
    // Gone already: the step was taken and is long past (its claim was cleared away).
    if (!winner) return { won: false, holder: '', value: null as T, at: new Date(0) };
    return { won: winner.holder === holder, holder: winner.holder, value: winner.value as T, at: winner.at };
  }
}

/** The claim of step `key`, if anyone made it. */
export async function findClaim<T>(key: string): Promise<Claim<T> | null> {
  const doc = await ClaimModel.findById(key).lean<ClaimDoc>();
  return doc ? { won: false, holder: doc.holder, value: doc.value as T, at: doc.at } : null;
}

/** What a save writes: fields to set and, optionally, entries to append to arrays. */
export interface RevisionChange {
  set: object;
  push?: object;
}

/**
 * Writes `set` on the document `id` of `model` if it is still at `revision` (the number in
 * `field`), moving it to the next revision: the move from each revision is claimed as
 * `<scope>:<id>:<revision>`, so of racing saves from one revision exactly one is written (a
 * conditional update alone lets several "win" on FerretDB, each overwriting the last). The
 * claim carries the change until it is written, so a save whose writer died is finished by
 * the next one to look. False when the document was not at `revision` (or `extra` did not
 * match) or another save won.
 */
export async function writeAtRevision(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any collection with a revision field
  scope: string,
  id: string,
  field: string,
  revision: number,
  change: RevisionChange,
  extra: Record<string, unknown> = {},
  options: { runValidators?: boolean } = {},
): Promise<boolean> {
  if (!(await model.exists({ _id: id, [field]: revision, ...extra }))) return false;
  const key = `${scope}:${id}:${revision}`;
  const claim = await claimStep<RevisionChange | null>(key, randomUUID(), change, new Date());
  // Another's save from this revision: written by it, or, when it died, finished here.
  if (!claim.won && !isStale(claim)) return false;
  const { set, push } = claim.value!;
  let res: { matchedCount: number };
  try {
    res = await model.updateOne({ _id: id, [field]: revision }, { $set: { ...set, [field]: revision + 1 }, ...(push ? { $push: push } : {}) }, options);
  } catch (err) {
    if (!claim.won) return false;
    // The change cannot be written (a unique index or a validator refused it): the revision is
    // free again, and the caller hears why.
    await ClaimModel.deleteOne({ _id: key });
    throw err;
  }
  if (!claim.won) return false;
  // Written: the claim keeps deciding who won, without a copy of the change.
  await ClaimModel.updateOne({ _id: key }, { $set: { value: null } });
  return res.matchedCount === 1;
}

/** The field that numbers the versions of a document changed by `changeByVersion`. */
export const VERSION_FIELD = '_ver';

/**
 * Changes one document by read, compute, claim, write: `change` gets the stored document (or
 * null) and answers the top-level fields to set, or null to leave it. The write from each
 * version is claimed as `<scope>:<id>:<version>`, so two changes computed from the same version
 * never both land (on FerretDB, racing `$inc`s and `$push`es of one document lose all but one,
 * since it writes back whole documents). The loser computes again from the next version. For
 * counters and sets that many writers touch at once (a day's record counters), on any number
 * of connections and processes. Resolves to whether a change was written.
 */
export async function changeByVersion<T extends { _id: string }>(
  target: Model<T> | mongoose.mongo.Collection<{ _id: string }>,
  scope: string,
  id: string,
  change: (doc: T | null) => Record<string, unknown> | null,
): Promise<boolean> {
  // A model's collection, or a collection of its own (a month's, db/partitions.ts).
  const collection = 'modelName' in target ? target.collection : target;
  for (let tries = 0; tries < 200; tries++) {
    const doc = (await collection.findOne({ _id: id } as never)) as unknown as (T & { [VERSION_FIELD]?: number }) | null;
    const set = change(doc);
    if (!set) return false;
    if (!doc) {
      try {
        await collection.insertOne({ ...set, _id: id, [VERSION_FIELD]: 1 } as never);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) continue;
        throw err;
      }
    }
    const version = doc[VERSION_FIELD] ?? 0;
    const key = `${scope}:${id}:${version}`;
    const claim = await claimStep<Record<string, unknown>>(key, randomUUID(), set, new Date());
    if (claim.won || isStale(claim)) {
      const at = version === 0 ? { [VERSION_FIELD]: { $exists: false } } : { [VERSION_FIELD]: version };
      // The claimed change (ours, or one whose writer died before writing it). Every change of
      // this document goes through a claim, so once it is past `version` ours is in it.
      await collection.updateOne({ _id: id, ...at } as never, { $set: { ...claim.value, [VERSION_FIELD]: version + 1 } } as never);
      // Claims are kept: a claim that could be taken again would let a stale change through.
      if (claim.won) return true;
    }
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * tries)));
  }
  throw new Error(`${scope} ${id}: too many concurrent changes`);
}
