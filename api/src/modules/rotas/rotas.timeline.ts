import { addDays } from '../../../../scheduler/src/index';
import { localDay } from '../../lib/local-day';
import type { SlotFields } from './rotas.repository';
import { appendTimelineEntries, findTimelines, moveEarlierTimelines, timelineKey, timelinesExist, type DutyTimelineDoc, type TimelineAddition, type TimelineEntry, type TimelineSlot } from './timeline.repository';

/** Months (YYYY-MM) touched by a period of days. */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-01`, 32).slice(0, 7)) out.push(m);
  return out;
}

const sameSlots = (a: TimelineSlot[], b: TimelineSlot[]) =>
  a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.lawyerIds.join(',') === b[i]!.lawyerIds.join(','));

function timelineSlot(s: SlotFields): TimelineSlot {
  return { id: s.id, day: s.day, localStart: s.localStart, localEnd: s.localEnd, start: new Date(s.start), end: new Date(s.end), lawyerIds: [...s.lawyerIds] };
}

/**
 * Adds a published version to the timelines of the rota's posts: one entry per post and month
 * whose slots it changed (all of them on a first publication, closed months included). Safe to
 * run again (a publication job resumed after a crash): an entry already there is not added twice.
 */
export async function recordTimeline(rota: { id: string; postIds: string[]; from: string; to: string }, version: { version: number; publishedAt: Date; slots: SlotFields[] }): Promise<number> {
  const groups = new Map<string, TimelineSlot[]>();
  for (const postId of rota.postIds) for (const month of monthsOf(rota.from, rota.to)) groups.set(timelineKey(postId, month), []);
  for (const s of version.slots) groups.get(timelineKey(s.postId, s.day.slice(0, 7)))?.push(timelineSlot(s));
  const keys = [...groups.keys()];
  const existing = new Map<string, DutyTimelineDoc>();
  for (const d of await findTimelines(keys)) existing.set(d._id, d);
  const additions: TimelineAddition[] = [];
  for (const [key, slots] of groups) {
    slots.sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
    const mine = (existing.get(key)?.entries ?? []).filter((e) => e.rotaId === rota.id);
    if (mine.some((e) => e.version === version.version)) continue;
    const last = mine.filter((e) => e.version < version.version).sort((a, b) => b.version - a.version)[0];
    if (last && sameSlots(last.slots, slots)) continue;
    const entry: TimelineEntry = { rotaId: rota.id, version: version.version, publishedAt: version.publishedAt, from: rota.from, to: rota.to, slots };
    const [postId, month] = [key.slice(0, key.lastIndexOf(':')), key.slice(key.lastIndexOf(':') + 1)];
    additions.push({ key, postId, month, entry });
  }
  await appendTimelineEntries(additions);
  return additions.length;
}

export interface PublishedSlot {
  rotaId: string;
  version: number;
  slot: TimelineSlot;
}

export interface PublishedAt {
  /** Whether a rota published by `at` covered the post on that local day. */
  covered: boolean;
  /** The slots running at `at`, as published by then (amendments and approved swaps included). */
  slots: PublishedSlot[];
}

/**
 * A post's duties at an instant as the published rotas stood at that instant: for each rota,
 * the last version published at or before `at`. Reads one or two timeline documents by key
 * (the local day and the day before, for shifts that run past midnight).
 */
export async function publishedAt(postId: string, timeZone: string, at: Date): Promise<PublishedAt> {
  const day = localDay(timeZone, at);
  const days = [addDays(day, -1), day];
  const keys = [...new Set(days.map((d) => timelineKey(postId, d.slice(0, 7))))];
  const docs = await findTimelines(keys);
  const current = new Map<string, TimelineEntry>();
  for (const doc of docs) {
    for (const e of doc.entries) {
      if (new Date(e.publishedAt) > at) continue;
      const k = `${e.rotaId}|${doc.month}`;
      const seen = current.get(k);
      if (!seen || e.version > seen.version) current.set(k, e);
    }
  }
  let covered = false;
  const slots: PublishedSlot[] = [];
  for (const e of current.values()) {
    if (e.from <= day && day <= e.to) covered = true;
    for (const s of e.slots) {
      if (!days.includes(s.day)) continue;
      if (new Date(s.start) <= at && at < new Date(s.end)) slots.push({ rotaId: e.rotaId, version: e.version, slot: { ...s, start: new Date(s.start), end: new Date(s.end) } });
    }
  }
  if (slots.length > 0) covered = true;
  slots.sort((a, b) => a.slot.start.getTime() - b.slot.start.getTime() || a.slot.id.localeCompare(b.slot.id));
  return { covered, slots };
}

/**
 * Timelines of databases written by earlier versions, once at start: those kept in the single
 * `duty_timelines` collection move into the month collections; databases whose rotas were
 * published before timelines existed get them from the stored versions (in version order, so
 * each entry keeps its own publication moment).
 */
export async function backfillTimelines(load: {
  versions(): Promise<{ rotaId: string; version: number }[]>;
  rota(id: string): Promise<{ id: string; postIds: string[]; from: string; to: string } | null>;
  version(rotaId: string, version: number): Promise<{ version: number; publishedAt: Date; slots: SlotFields[] } | null>;
}): Promise<number> {
  const moved = await moveEarlierTimelines();
  if (moved > 0 || (await timelinesExist())) return moved;
  let written = 0;
  const all = (await load.versions()).sort((a, b) => a.rotaId.localeCompare(b.rotaId) || a.version - b.version);
  for (const v of all) {
    const [rota, version] = await Promise.all([load.rota(v.rotaId), load.version(v.rotaId, v.version)]);
    if (rota && version) written += await recordTimeline(rota, version);
  }
  return written;
}
