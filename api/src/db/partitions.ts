import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * Collections split by month, for data that grows with history and is read on hot paths.
 *
 * FerretDB 1.24 on SQLite answers every query by reading the whole table, `_id` lookups
 * included: it filters on `_ferretdb_sjson->'$._id'` while its unique `_id` index is built on
 * `_ferretdb_sjson->"_id"`, so SQLite never uses the index (EXPLAIN QUERY PLAN: SCAN). A lookup
 * by primary key therefore costs as much as the collection holds — a few milliseconds per
 * thousand small documents, far more for documents with nested arrays — and with one connection
 * per process it holds every other request meanwhile. Keeping one collection per month
 * (`<base>_<YYYY>_<MM>`) bounds each lookup by one month's data, however many years are stored.
 * On MongoDB (primary-key reads from the index) it changes nothing but names.
 */
export function monthCollectionName(base: string, month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month: ${month}`);
  return `${base}_${month.replace('-', '_')}`;
}

/**
 * The collection of `base` for one month (YYYY-MM); created by its first write. Documents keep
 * string primary keys; callers give the shape of what they read.
 */
export function monthCollection(base: string, month: string): mongoose.mongo.Collection<{ _id: string }> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('the database is not connected');
  return db.collection<{ _id: string }>(monthCollectionName(base, month));
}

/**
 * The collection of `base` for one day (YYYY-MM-DD, `<base>_<YYYY>_<MM>_<DD>`), for data written
 * by many at once as one small document each (check-in marks): no document is shared by
 * writers, and a day's reads scan one day.
 */
export function dayCollection(base: string, day: string): mongoose.mongo.Collection<{ _id: string }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
  const db = mongoose.connection.db;
  if (!db) throw new Error('the database is not connected');
  return db.collection<{ _id: string }>(`${base}_${day.replaceAll('-', '_')}`);
}

/** Months (YYYY-MM) from the month of `from` to the month of `to`, both days or months. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (let month = from.slice(0, 7); month <= last; month = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(month);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The months that have a collection of `base`, oldest first. */
export async function partitionMonths(base: string): Promise<string[]> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('the database is not connected');
  const pattern = new RegExp(`^${base}_(\\d{4})_(\\d{2})$`);
  const names = await db.listCollections({}, { nameOnly: true }).toArray();
  return names
    .map((c) => pattern.exec(c.name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}-${m[2]}`)
    .sort();
}

/** Derived collections (marks, timelines, version slices) remember here that they were built. */
const readModels = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('the database is not connected');
  return db.collection<{ _id: string; builtAt: Date }>('read_models');
};

export async function readModelBuilt(name: string): Promise<boolean> {
  return (await readModels().findOne({ _id: name })) !== null;
}

export async function markReadModelBuilt(name: string): Promise<void> {
  await readModels().updateOne({ _id: name }, { $set: { builtAt: new Date() } }, { upsert: true });
}

/**
 * A field name for a long key (a duty key) inside a month document: 72 bits of its hash. Every
 * lookup parses the whole month's collection, and duty keys are long; never a `.` or `$`.
 */
export const shortKey = (key: string) => createHash('sha1').update(key).digest('base64url').slice(0, 12);
