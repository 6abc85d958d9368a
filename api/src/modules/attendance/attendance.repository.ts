import type { AttendanceEvent, AttendanceEventsQuery } from '../../contracts/checkins';
import { AttendanceEventModel, type AttendanceEventDoc } from './attendance.model';

export type NewAttendanceEvent = Omit<AttendanceEventDoc, '_id'>;

function view({ _id, ...d }: AttendanceEventDoc): AttendanceEvent {
  return { ...d, id: String(_id), at: d.at.toISOString(), createdAt: d.createdAt.toISOString() };
}

/** Inserts events once each (unique key); returns the ones that were new. */
export async function insertEvents(events: NewAttendanceEvent[]): Promise<NewAttendanceEvent[]> {
  const fresh: NewAttendanceEvent[] = [];
  for (const e of events) {
    try {
      await AttendanceEventModel.create(e);
      fresh.push(e);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
  return fresh;
}

/** Deletes the event under `key` if it is still the one found at `at`; false when there was none. */
export async function deleteEvent(key: string, at: Date): Promise<boolean> {
  const res = await AttendanceEventModel.deleteOne({ key, at });
  return res.deletedCount === 1;
}

export async function findEvents(q: AttendanceEventsQuery): Promise<AttendanceEvent[]> {
  const filter: Record<string, unknown> = { day: { $gte: q.from, $lte: q.to } };
  if (q.lawyerId) filter.lawyerId = q.lawyerId;
  if (q.postId) filter.postId = q.postId;
  if (q.type) filter.type = q.type;
  const docs = await AttendanceEventModel.find(filter).sort({ at: 1 }).limit(5000).lean<AttendanceEventDoc[]>();
  return docs.map(view);
}
