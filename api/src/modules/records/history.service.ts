import { RECORD_KINDS, type DutyHistory, type RecordKind } from '../../contracts/records';
import type { Clock } from '../../lib/clock';
import type { CheckinsService } from '../checkins/checkins.service';
import type { RotasService } from '../rotas/rotas.service';
import { attendanceByKey } from './attendance-batches';
import { findMarks, lawyerYearCounts } from './records.repository';
import { today } from './records.time';

/** A lawyer's duties of a year with attendance and records (一人一表), and the year's figures. */
export function createHistoryService(deps: { clock: Clock; rotas: Pick<RotasService, 'duties'>; checkins: Pick<CheckinsService, 'attendanceOf'> }) {
  async function history(lawyerId: string, year: number): Promise<DutyHistory> {
    const now = deps.clock.now();
    const t = today(now);
    const to = `${year}-12-31` < t ? `${year}-12-31` : t;
    const duties = `${year}-01-01` > t ? [] : await deps.rotas.duties({ from: `${year}-01-01`, to, lawyerId });
    const attendance = await attendanceByKey(deps.checkins, duties, now);
    const marks = await findMarks(attendance.map((a) => a.dutyKey));
    const counts = await lawyerYearCounts(lawyerId, year);
    const byKind = Object.fromEntries(RECORD_KINDS.map((k) => [k, counts[k] ?? 0])) as Record<RecordKind, number>;
    const items = attendance
      .map((a) => ({
        dutyKey: a.dutyKey,
        day: a.duty.day,
        postName: a.duty.postName,
        localStart: a.duty.localStart,
        localEnd: a.duty.localEnd,
        attended: a.inAt !== null,
        state: a.state,
        checkedInAt: a.inAt ? a.inAt.toISOString() : null,
        checkedOutAt: a.outAt ? a.outAt.toISOString() : null,
        records: marks.get(a.dutyKey)?.recordIds.length ?? 0,
      }))
      .reverse();
    return {
      lawyerId,
      year,
      duties: items,
      figures: {
        duties: items.length,
        attended: items.filter((i) => i.attended).length,
        records: RECORD_KINDS.reduce((s, k) => s + byKind[k], 0),
        byKind,
        fastTrackCases: counts.fast_track ?? 0,
      },
    };
  }
  return { history };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
