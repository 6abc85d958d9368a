import type { Post } from '../../contracts/posts';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { AttendanceService } from '../attendance/attendance.service';
import type { AuditService } from '../audit/audit.service';
import type { CheckinsService } from '../checkins/checkins.service';
import type { DisciplinePort } from '../discipline/discipline.port';
import type { FeedbackStatsReader } from '../feedback/feedback.port';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { RotasService } from '../rotas/rotas.service';
import { createFastTrackService } from './fasttrack.service';
import { createHistoryService } from './history.service';
import { createRecordsService } from './records.service';
import { createRecordsWatch } from './records.watch';
import { createStatsService } from './stats.service';
import { createSubsidyService } from './subsidy.service';

export interface RecordsAreaDeps {
  clock: Clock;
  logger?: Logger;
  audit: AuditService;
  rotas: RotasService;
  checkins: CheckinsService;
  attendance: AttendanceService;
  notifications: NotificationsService;
  discipline: DisciplinePort;
  feedback: FeedbackStatsReader;
  postsByIds(ids: string[]): Promise<Post[]>;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
  publishedSlots(from: string, to: string): Promise<Map<string, { slots: number; filled: number }>>;
  lease: { acquire(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean>; release(name: string, owner: string): Promise<void> };
}

/** Duty records, fast-track cases, statistics, subsidies and the duty history, wired together. */
export function createRecordsArea(deps: RecordsAreaDeps) {
  const { clock } = deps;
  const records = createRecordsService({ clock, audit: deps.audit, rotas: deps.rotas, postsByIds: deps.postsByIds, lawyersByIds: deps.lawyersByIds });
  const fastTrack = createFastTrackService({ clock, audit: deps.audit, notifications: deps.notifications, rotas: deps.rotas, lawyersByIds: deps.lawyersByIds });
  const stats = createStatsService({
    clock,
    rotas: deps.rotas,
    checkins: deps.checkins,
    attendance: deps.attendance,
    feedback: deps.feedback,
    postsByIds: deps.postsByIds,
    lawyersByIds: deps.lawyersByIds,
    publishedSlots: deps.publishedSlots,
  });
  const subsidy = createSubsidyService({ clock, audit: deps.audit, sheets: stats.sheets, postsByIds: deps.postsByIds, lawyersByIds: deps.lawyersByIds });
  const history = createHistoryService({ clock, rotas: deps.rotas, checkins: deps.checkins });
  const watch = createRecordsWatch({
    clock,
    logger: deps.logger,
    records,
    rotas: deps.rotas,
    checkins: deps.checkins,
    notifications: deps.notifications,
    discipline: deps.discipline,
    lease: deps.lease,
  });
  return { records, fastTrack, stats, subsidy, history, watch };
}

export type RecordsArea = ReturnType<typeof createRecordsArea>;
