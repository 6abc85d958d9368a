import { gunzipSync, gzipSync } from 'node:zlib';
import { monthCollection, monthsBetween } from '../../db/partitions';
import { RotaVersionModel, versionKey, type RotaVersionDoc, type SlotFields } from './rotas.model';

/**
 * A published version's slots of one month, in that month's collection (`rota_slices_<YYYY>_<MM>`,
 * `_id` = `<rotaId>:<version>`), as gzipped JSON. Duty lists (the live board, check-ins, the
 * hotline) read the months they need from here: a version document holds every slot of its rota,
 * and on FerretDB reading one by primary key parses every version ever stored. A month's slots
 * compress about tenfold, and FerretDB parses every document of the month's collection on each
 * lookup (see db/partitions.ts).
 * Like versions, slices never change once written; a slice missing (written by an earlier
 * version, or lost to a crash after the version) is cut from the version when first asked for.
 */
interface SliceDoc {
  _id: string;
  rotaId: string;
  version: number;
  month: string;
  /** gzip of the JSON array of slots. */
  slots: Buffer | { buffer: Uint8Array };
}

export const SLICES = 'rota_slices';

const slices = (month: string) => monthCollection(SLICES, month);

/** Writes the version's slices of the months its slots fall in, and of `months` (empty ones included). */
export async function writeVersionSlices(rotaId: string, version: number, slots: SlotFields[], months: string[] = []): Promise<void> {
  const byMonth = new Map<string, SlotFields[]>(months.map((m) => [m, []]));
  for (const s of slots) {
    const month = s.day.slice(0, 7);
    if (!byMonth.has(month)) byMonth.set(month, []);
    byMonth.get(month)!.push(s);
  }
  const _id = versionKey(rotaId, version);
  for (const [month, list] of byMonth) {
    const doc: SliceDoc = { _id, rotaId, version, month, slots: gzipSync(JSON.stringify(list)) };
    await slices(month).replaceOne({ _id }, doc, { upsert: true });
  }
}

const revived = (list: SlotFields[]) => list.map((s) => ({ ...s, start: new Date(s.start), end: new Date(s.end) }));

/** Slices never change, so they are kept by key in this process (a month of a version each). */
const cache = new Map<string, SlotFields[]>();
const CACHE_LIMIT = 64;

function remember(key: string, slots: SlotFields[]): SlotFields[] {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, slots);
  return slots;
}

/** The slots of a version on the days `from`–`to`, from the slices of their months. */
export async function versionSlotsBetween(rotaId: string, version: number, from: string, to: string): Promise<SlotFields[]> {
  const out: SlotFields[] = [];
  for (const month of monthsBetween(from, to)) {
    const key = `${versionKey(rotaId, version)}:${month}`;
    const slots = cache.get(key) ?? remember(key, await readSlice(rotaId, version, month));
    for (const s of slots) if (s.day >= from && s.day <= to) out.push(s);
  }
  return out;
}

async function readSlice(rotaId: string, version: number, month: string): Promise<SlotFields[]> {
  const doc = (await slices(month).findOne({ _id: versionKey(rotaId, version) })) as SliceDoc | null;
  if (doc) return revived(JSON.parse(gunzipSync(Buffer.isBuffer(doc.slots) ? doc.slots : doc.slots.buffer).toString()) as SlotFields[]);
  const whole = await RotaVersionModel.findById(versionKey(rotaId, version)).lean<RotaVersionDoc>();
  const slots = revived(whole?.slots ?? []);
  if (whole) await writeVersionSlices(rotaId, version, slots, [month]);
  return slots.filter((s) => s.day.startsWith(month));
}
