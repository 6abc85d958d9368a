import type { RecordKind } from '../../contracts/records';
import { addToMark, claimCase, claimCounting, incrementCounts, setCaseFields, setRecordFields, type DeadlineDoc, type DutyRecordDoc, type FastTrackCaseDoc } from './records.repository';
import { dayOf } from './records.time';

/** Counter metrics beside the record kinds. */
export type Metric = RecordKind | 'case' | 'fast_track' | 'deadline_met' | 'deadline_missed';

export const counterKey = (metric: Metric, postId: string, lawyerId: string) => `${metric}|${postId}|${lawyerId}`;

export function parseCounterKey(key: string): { metric: Metric; postId: string; lawyerId: string } {
  const [metric, postId, lawyerId] = key.split('|');
  return { metric: metric as Metric, postId: postId ?? '', lawyerId: lawyerId ?? '' };
}

/**
 * Adds a new record to the counters statistics read: its day, its duty and its lawyer's year,
 * and the case it opens (the first record of a case number, or a consultation without one).
 * Then marks it counted, so a retry after a crash finishes the job instead of repeating it.
 */
export async function countRecord(r: DutyRecordDoc): Promise<void> {
  if (!(await claimCounting(`record:${r._id}`, new Date()))) return;
  const opensCase = r.caseNumber ? await claimCase(r.caseNumber, r.day) : r.kind === 'consultation';
  const counts: Record<string, number> = { [counterKey(r.kind, r.postId, r.lawyerId)]: 1 };
  const year: Record<string, number> = { [r.kind]: 1 };
  if (opensCase) {
    counts[counterKey('case', r.postId, r.lawyerId)] = 1;
    year.case = 1;
  }
  await incrementCounts(r.day, `${r.lawyerId}:${r.year}`, counts, year);
  await addToMark(r);
  await setRecordFields(r._id, { counted: true });
}

export async function countCase(c: FastTrackCaseDoc): Promise<void> {
  await incrementCounts(c.day, `${c.lawyerId}:${c.day.slice(0, 4)}`, { [counterKey('fast_track', c.postId, c.lawyerId)]: 1 }, { fast_track: 1 });
  await setCaseFields(c._id, { counted: true });
}

/** A clock met or missed counts on the day it fell due. */
export async function countDeadline(d: Pick<DeadlineDoc, 'dueAt' | 'postId' | 'lawyerId'>, outcome: 'met' | 'missed'): Promise<void> {
  const day = dayOf(d.dueAt);
  const metric = outcome === 'met' ? 'deadline_met' : 'deadline_missed';
  await incrementCounts(day, `${d.lawyerId}:${day.slice(0, 4)}`, { [counterKey(metric, d.postId, d.lawyerId)]: 1 }, { [metric]: 1 });
}
