import { Types } from 'mongoose';

type WithId<T> = Omit<T, '_id' | '__v'> & { id: string };

/** A lean document as the API's plain shape: string `id`, no `_id`/`__v`; nested ObjectIds become strings. */
export function toPlain<T extends { _id: unknown }>(doc: T): WithId<T> {
  const { _id, __v: _v, ...rest } = doc as T & { __v?: unknown };
  return { id: String(_id), ...(stringifyIds(rest) as object) } as WithId<T>;
}

function stringifyIds(value: unknown): unknown {
  if (value instanceof Types.ObjectId) return value.toHexString();
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(stringifyIds);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '__v') continue;
    if (k === '_id') out.id = stringifyIds(v);
    else out[k] = stringifyIds(v);
  }
  return out;
}

export function isObjectId(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value);
}
