import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { approvedAbsencesBetween } from './absences/absences.planning';
import { createAbsencesService } from './absences/absences.service';
import { createAttendanceService } from './attendance/attendance.service';
import { createAttendanceDetector } from './attendance/attendance.detector';
import { checkinSecretSource, createCheckinsService } from './checkins/checkins.service';
import { createCheckoutUndo } from './checkins/checkout-undo.service';
import { acquireLease, releaseLease } from './jobs/jobs.repository';
import { createLiveboardService } from './liveboard/liveboard.service';
import type { LiveBoardUpdate } from '../contracts/checkins';
import { createBoardService } from './board/board.service';
import { createCalendarService } from './calendar/calendar.service';
import { createFeedsService } from './feeds/feeds.service';
import { createJobsService } from './jobs/jobs.service';
import { findPlanningLawyers } from './lawyers/lawyers.planning';
import { createNotificationsService, type OutboundChannel } from './notifications/notifications.service';
import { findActivePosts, findPostByCode, findPostsByIds } from './posts/posts.lookup';
import { createRotasService } from './rotas/rotas.service';
import { createShiftsService } from './shifts/shifts.service';
import { createSwapsService } from './swaps/swaps.service';
import { createSwapCandidates } from './swaps/swap-candidates';
import { createAuditService } from './audit/audit.service';
import { createNightlyEligibilityCheck } from './discipline/discipline.nightly';
import { defaultDisciplinePolicy, type DisciplinePolicy } from './discipline/discipline.rules';
import { createDisciplineService } from './discipline/discipline.service';
import { namesFrom } from './audit/audit.names';
import { findRotaSummaries } from './rotas/rotas.repository';
import { findUsers } from './users/users.repository';
import { defaultEligibilityPolicy, type EligibilityPolicy } from './lawyers/eligibility';
import { lawyerExists } from './lawyers/lawyers.repository';
import { createLawyersService } from './lawyers/lawyers.service';
import { lawyerStanding } from './lawyers/lawyers.standing';
import { createImportsService } from './imports/imports.service';
import { createPostsService } from './posts/posts.service';
import { createAuthService, type SessionPolicy, type SessionsEnded } from './users/auth.service';
import { createDomainEvents, type DomainEvents } from './domain-events';
import { createUsersService } from './users/users.service';
import { findMarksOfDuties, loadOrCreateSecret } from './checkins/checkins.repository';
import { defaultFeedbackPolicy, type FeedbackPolicy } from './feedback/feedback.deadlines';
import { claimChallenge } from './feedback/feedback.repository';
import { createFeedbackService } from './feedback/feedback.service';
import { createProofOfWork, defaultProofOfWork, type ProofOfWorkPolicy } from './feedback/proof-of-work';
import { createHotlineService } from './hotline/hotline.service';
import { createPublicService } from './public/public.service';
import { publishedAt } from './rotas/rotas.timeline';
import { createRecordsArea } from './records/records.area';
import type { DisciplinePort } from './discipline/discipline.port';
import { countPublishedSlots } from './rotas/rotas.repository';
import { findLawyerCards } from './lawyers/lawyer-cards.repository';

export interface ServiceOptions {
  clock: Clock;
  session: SessionPolicy;
  eligibility?: EligibilityPolicy;
  logger?: Logger;
  /** Plan rotas in a worker thread (default true). */
  planInWorker?: boolean;
  outbound?: OutboundChannel;
  /**
   * The areas' event bus (domain-events.ts); the realtime layer subscribes to it once Socket.IO is
   * attached. Unset: a new one, returned as `events`.
   */
  events?: DomainEvents;
  /** HMAC key of check-in codes (ZHIBAN_CHECKIN_SECRET); unset: generated and stored in the database. */
  checkinSecret?: string;
  /** Reply window and counting period of discipline (defaults: 3 days, 12 months). */
  discipline?: DisciplinePolicy;
  /** Feedback deadlines (working days to accept, days to conclude). */
  feedback?: FeedbackPolicy;
  /** The public form's proof-of-work difficulty. */
  proofOfWork?: ProofOfWorkPolicy;
  /** Overrides discipline's port for the records area (tests observe what records report). */
  disciplinePort?: DisciplinePort;
}

export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 120, absoluteHours: 12 };

/**
 * Wires the areas' services together in dependency order, each built after what it uses; routes
 * and the realtime layer receive them from here. The one cycle left, lawyers ⇄ discipline (a
 * status change by hand starts a removal; discipline changes statuses), is an event: lawyers
 * emit `lawyer.statusChanged` and discipline subscribes below.
 */
export function createServices(opts: ServiceOptions) {
  const { clock } = opts;
  const events = opts.events ?? createDomainEvents(opts.logger);
  const policy = opts.eligibility ?? defaultEligibilityPolicy;
  // The audit log names what its entries mention: accounts, rotas, posts and lawyers.
  const audit = createAuditService(
    clock,
    namesFrom([
      async (ids) =>
        (await findUsers({})).flatMap((u) => [
          ...(ids.includes(u.id) ? [{ id: u.id, name: u.displayName }] : []),
          ...(ids.includes(`@${u.username}`) ? [{ id: `@${u.username}`, name: u.displayName }] : []),
        ]),
      async (ids) => (await findRotaSummaries({})).filter((r) => ids.includes(r.id)).map((r) => ({ id: r.id, name: r.name })),
      async (ids) => (await findPostsByIds(ids)).map((p) => ({ id: p.id, name: p.name })),
      async (ids) => (await findPlanningLawyers(ids)).map((l) => ({ id: l.id, name: l.name })),
    ]),
  );
  const onSessionsEnded = (end: SessionsEnded) => events.announce('sessions.ended', end);
  const auth = createAuthService({ clock, policy: opts.session, audit, onSessionsEnded });
  const users = createUsersService({ clock, audit, lawyerExists, onSessionsEnded });
  const lawyers = createLawyersService({
    clock,
    policy,
    audit,
    // Awaited: the removal discipline starts is part of the status change.
    onStatusChanged: (actor, lawyerId, from, to, reason) => events.emit('lawyer.statusChanged', { actor, lawyerId, from, to, reason }),
  });
  const posts = createPostsService({ audit });
  const imports = createImportsService({ clock, policy, audit });
  const jobs = createJobsService({ clock, logger: opts.logger, onUpdate: (job) => events.announce('job.updated', job) });
  const calendar = createCalendarService({ audit });
  const shifts = createShiftsService({ audit, calendar, getPost: (id) => posts.get(id) });
  const notifications = createNotificationsService({ outbound: opts.outbound, onCreated: (lawyerId, notification) => events.announce('notification.created', { lawyerId, notification }) });
  const rotas = createRotasService({
    clock,
    logger: opts.logger,
    audit,
    jobs,
    calendar,
    shifts,
    notifications,
    planInWorker: opts.planInWorker,
    // Planning reads approved leave through absences' read, not its service: no cycle.
    directory: { postsByIds: findPostsByIds, lawyers: () => findPlanningLawyers(), lawyersByIds: findPlanningLawyers, absences: approvedAbsencesBetween },
    lawyerNames: findLawyerCards,
  });
  // Approved leave re-covers duties: absences start rota repairs, so they come after rotas.
  const absences = createAbsencesService({ clock, audit, rotas, lawyersByIds: findPlanningLawyers, standing: lawyerStanding });
  const swaps = createSwapsService({ audit, rotas, notifications, lawyersByIds: findPlanningLawyers, standing: lawyerStanding });
  const swapCandidates = createSwapCandidates({ rotas, lawyers: () => findPlanningLawyers() });
  const feeds = createFeedsService({ clock, rotas, postsByIds: findPostsByIds });
  const board = createBoardService({ clock, rotas, postByCode: findPostByCode, lawyersByIds: findPlanningLawyers });
  const discipline = createDisciplineService({
    clock,
    policy: opts.discipline ?? defaultDisciplinePolicy,
    audit,
    notifications,
    rotas,
    jobs,
    lawyers,
    lawyersByIds: findPlanningLawyers,
    postDistricts: async (ids) => new Map((await findPostsByIds(ids)).map((p) => [p.id, p.district])),
  });
  // Discipline changes statuses through lawyers, and a status changed by hand (已清退) starts
  // discipline's removal: a real cycle, so the status change is an event discipline subscribes to.
  // An awaited event rather than a job: the removal has started (or its error reached the caller)
  // when the status change answers, as before.
  events.on('lawyer.statusChanged', (e) => discipline.statusChanged(e.actor, e.lawyerId, e.from, e.to, e.reason));
  const attendance = createAttendanceService({ clock, logger: opts.logger, discipline: discipline.port });
  const liveboardUpdated = (u: LiveBoardUpdate) => events.announce('liveboard.updated', u);
  const checkins = createCheckinsService({
    clock,
    audit,
    attendance,
    rotas,
    postsByIds: findPostsByIds,
    postByCode: findPostByCode,
    standing: lawyerStanding,
    secret: checkinSecretSource(opts.checkinSecret),
    onUpdate: liveboardUpdated,
  });
  const checkoutUndo = createCheckoutUndo({ clock, audit, attendance, myDuties: (actor) => checkins.mine(actor), onUpdate: liveboardUpdated });
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
    onPosts: (moved) => events.announce('liveboard.postsMoved', moved),
  });
  const eligibilityCheck = createNightlyEligibilityCheck({ clock, logger: opts.logger, jobs, lawyers, lease: { acquire: acquireLease, release: releaseLease } });
  const lookup = createPublicService({
    clock,
    activePosts: findActivePosts,
    postsByIds: findPostsByIds,
    postByCode: findPostByCode,
    publishedAt,
    lawyers: findLawyerCards,
    checkinsOf: findMarksOfDuties,
  });
  const feedback = createFeedbackService({
    clock,
    policy: opts.feedback ?? defaultFeedbackPolicy,
    audit,
    calendar,
    lookup,
    proofOfWork: createProofOfWork({ clock, policy: opts.proofOfWork ?? defaultProofOfWork, secret: () => loadOrCreateSecret('altcha-hmac'), claim: claimChallenge }),
    discipline: discipline.port,
    dossier: lawyers,
    notify: notifications.notify,
  });
  const recordsArea = createRecordsArea({
    clock,
    logger: opts.logger,
    audit,
    rotas,
    checkins,
    attendance,
    notifications,
    discipline: opts.disciplinePort ?? discipline.port,
    feedback,
    postsByIds: findPostsByIds,
    lawyersByIds: findPlanningLawyers,
    publishedSlots: countPublishedSlots,
    lease: { acquire: acquireLease, release: releaseLease },
  });
  const hotline = createHotlineService({
    clock,
    audit,
    lookup,
    feedback,
    duties: rotas.duties,
    attendanceOf: checkins.attendanceOf,
    lawyers: findLawyerCards,
    lawyerPhone: async (actor, id) => (await lawyers.dossier(actor, id)).lawyer.phone ?? null,
    postAddress: async (id) => (await findPostsByIds([id]))[0]?.address ?? '',
    records: recordsArea.records.reader,
  });
  return { events, discipline, eligibilityCheck, recordsArea, audit, auth, users, lawyers, posts, imports, jobs, calendar, shifts, notifications, rotas, absences, swaps, feeds, board, attendance, checkins, liveboard, detector, lookup, feedback, hotline, checkoutUndo, swapCandidates };
}

export type Services = ReturnType<typeof createServices>;
