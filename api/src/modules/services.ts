import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { createAbsencesService } from './absences/absences.service';
import { createAttendanceService } from './attendance/attendance.service';
import { createAttendanceDetector } from './checkins/checkins.detector';
import { checkinSecretSource, createCheckinsService } from './checkins/checkins.service';
import { acquireLease, releaseLease } from './jobs/jobs.repository';
import { createLiveboardService } from './liveboard/liveboard.service';
import type { LiveBoardUpdate, LivePost } from '../contracts/checkins';
import { createBoardService } from './board/board.service';
import { createCalendarService } from './calendar/calendar.service';
import { createFeedsService } from './feeds/feeds.service';
import { createJobsService } from './jobs/jobs.service';
import { findPlanningLawyers } from './lawyers/lawyers.planning';
import { createNotificationsService, type OutboundChannel } from './notifications/notifications.service';
import { findActivePosts, findPostByCode, findPostsByIds } from './posts/posts.lookup';
import type { RotasService } from './rotas/rotas.service';
import { createRotasService } from './rotas/rotas.service';
import { createShiftsService } from './shifts/shifts.service';
import { createSwapsService } from './swaps/swaps.service';
import type { Job } from './jobs/jobs.service';
import type { Notification } from '../contracts/selfservice';
import { createAuditService } from './audit/audit.service';
import { defaultEligibilityPolicy, type EligibilityPolicy } from './lawyers/eligibility';
import { lawyerExists } from './lawyers/lawyers.repository';
import { createLawyersService } from './lawyers/lawyers.service';
import { createImportsService } from './imports/imports.service';
import { createPostsService } from './posts/posts.service';
import { createAuthService, type SessionPolicy, type SessionsEnded } from './users/auth.service';
import { createUsersService } from './users/users.service';

export interface ServiceOptions {
  clock: Clock;
  session: SessionPolicy;
  eligibility?: EligibilityPolicy;
  logger?: Logger;
  /** Plan rotas in a worker thread (default true). */
  planInWorker?: boolean;
  outbound?: OutboundChannel;
  /** The realtime layer's hooks: announced after the write succeeded. */
  events?: {
    jobUpdated?(job: Job): void;
    notified?(lawyerId: string, n: Notification): void;
    liveboardUpdated?(u: LiveBoardUpdate): void;
    liveboardPostsMoved?(posts: LivePost[]): void;
    sessionsEnded?(end: SessionsEnded): void;
  };
  /** HMAC key of check-in codes (ZHIBAN_CHECKIN_SECRET); unset: generated and stored in the database. */
  checkinSecret?: string;
}

export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 120, absoluteHours: 12 };

/** Wires the areas' services together; routes and the realtime layer receive them from here. */
export function createServices(opts: ServiceOptions) {
  const { clock } = opts;
  const policy = opts.eligibility ?? defaultEligibilityPolicy;
  const audit = createAuditService(clock);
  const onSessionsEnded = (end: SessionsEnded) => opts.events?.sessionsEnded?.(end);
  const auth = createAuthService({ clock, policy: opts.session, audit, onSessionsEnded });
  const users = createUsersService({ clock, audit, lawyerExists, onSessionsEnded });
  const lawyers = createLawyersService({ clock, policy, audit });
  const posts = createPostsService({ audit });
  const imports = createImportsService({ clock, policy, audit });
  const jobs = createJobsService({ clock, logger: opts.logger, onUpdate: (job) => opts.events?.jobUpdated?.(job) });
  const calendar = createCalendarService({ audit });
  const shifts = createShiftsService({ audit, calendar, getPost: (id) => posts.get(id) });
  const notifications = createNotificationsService({ outbound: opts.outbound, onCreated: (lawyerId, n) => opts.events?.notified?.(lawyerId, n) });
  // Absences and rotas need each other: approved leave re-covers duties, planning reads leave.
  const late: { rotas?: RotasService } = {};
  const absences = createAbsencesService({ clock, audit, rotas: () => late.rotas!, lawyersByIds: findPlanningLawyers });
  const rotas = createRotasService({
    clock,
    logger: opts.logger,
    audit,
    jobs,
    calendar,
    shifts,
    notifications,
    planInWorker: opts.planInWorker,
    directory: { postsByIds: findPostsByIds, lawyers: () => findPlanningLawyers(), lawyersByIds: findPlanningLawyers, absences: absences.approvedBetween },
  });
  late.rotas = rotas;
  const swaps = createSwapsService({ audit, rotas, notifications, lawyersByIds: findPlanningLawyers });
  const feeds = createFeedsService({ clock, rotas, postsByIds: findPostsByIds });
  const board = createBoardService({ clock, rotas, postByCode: findPostByCode, lawyersByIds: findPlanningLawyers });
  const attendance = createAttendanceService({ clock });
  const liveboardUpdated = (u: LiveBoardUpdate) => opts.events?.liveboardUpdated?.(u);
  const checkins = createCheckinsService({
    clock,
    audit,
    attendance,
    rotas,
    postsByIds: findPostsByIds,
    postByCode: findPostByCode,
    secret: checkinSecretSource(opts.checkinSecret),
    onUpdate: liveboardUpdated,
  });
  const liveboard = createLiveboardService({ clock, rotas, checkins, posts: findActivePosts });
  const detector = createAttendanceDetector({
    clock,
    logger: opts.logger,
    checkins,
    attendance,
    notifications,
    rotas,
    lease: { acquire: acquireLease, release: releaseLease },
    onUpdate: liveboardUpdated,
    boardOf: liveboard.boardOf,
    onPosts: (moved) => opts.events?.liveboardPostsMoved?.(moved),
  });
  return { audit, auth, users, lawyers, posts, imports, jobs, calendar, shifts, notifications, rotas, absences, swaps, feeds, board, attendance, checkins, liveboard, detector };
}

export type Services = ReturnType<typeof createServices>;
