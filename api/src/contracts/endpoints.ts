/**
 * The catalogue of every HTTP operation: `METHOD /path` (under /api) → its query, body and
 * success-answer schemas. Pure: imports only zod and the contracts, so the client can
 * `import type { Endpoints }` and call the API through it (client/src/api/call.ts) without a
 * hand-written path or shape. A test (tests/api/contract/endpoints.test.ts) holds it to the
 * server's route table: the same operations, and the same query, body and answer schemas.
 *
 * Path parameters come from the path template itself (`:id`); an answer is a zod schema, a
 * file (a download), `noContent` (204), or `typed<T>()` where the contract states the answer
 * as a type only.
 */
import { z } from 'zod';
import { auditQuery } from './audit';
import { daySchema } from './common';
import { healthSchema } from './health';
import { changePasswordBody, loginBody } from './auth';
import { calendarQuery, setDayBody } from './calendar';
import { attendanceEventsQuery, checkinBody, checkinSettingsBody } from './checkins';
import { undoCheckoutBody, undoneCheckoutSchema } from './checkout-undo';
import { bulkDecisionBody, bulkDecisionResultSchema, createViolationBody, decisionBody, lawyerDisciplineSchema, myRecordSchema, replyBody, reversalBody, violationListSchema, violationSchema, violationsQuery } from './discipline';
import { concludeBody, decisionNoteBody, feedbackItemSchema, feedbackQuery, rejectBody } from './feedback';
import { dutyHistoryQuery, dutyHistoryRowSchema, dutyRefQuery, hotlineCallBody, hotlineCallLoggedSchema, hotlineDutyDetailSchema, hotlineSearchQuery, hotlineSearchResultSchema } from './hotline';
import { assessmentBody, attestationBody, complaintBody, createLawyerBody, lawyersQuery, statusChangeBody, updateComplaintBody, updateLawyerBody, vettingBody } from './lawyers';
import { createPostBody, postsQuery, updatePostBody } from './posts';
import { feedbackReceiptSchema, publicDutyQuery, publicDutySchema, publicFeedbackBody, publicFeedbackStatusSchema, publicPostsSchema } from './public';
import {
  fastTrackBody,
  fastTrackQuery,
  historyQuery,
  periodQuery,
  recordBody,
  recordsSettingsBody,
  staffRecordsQuery,
  subsidyRatesBody,
  type DutyHistory,
  type DutyRecord,
  type FastTrackCase,
  type RecordableDuty,
  type RecordsSettings,
  type StatsBreakdown,
  type StatsSummary,
  type SubsidyRates,
  type SubsidyStatement,
} from './records';
import { attendanceEventsSchema, checkinResultSchema, checkinSettingsSchema, countersignPinIssuedSchema, kioskTokenIssuedSchema, kioskViewSchema, liveBoardSchema, myDutiesSchema } from './responses/checkins';
import { auditPageSchema, colleaguesSchema, currentUserSchema, importPreviewSchema, importResultSchema, lawyerDossierSchema, lawyerListItemSchema, lawyerPageSchema, loginResponseSchema, reevaluationResultSchema, userAccountSchema } from './responses/people';
import { calendarFeedSchema, calendarYearSchema, dutyBoardSchema, patternPreviewSchema, postSchema, shiftPatternSchema } from './responses/places';
import { absenceSchema, calendarConflictsSchema, calendarRepairResultSchema, dutiesSchema, editCheckSchema, jobViewSchema, notificationSchema, planningStartedSchema, publishStartedSchema, rotaDetailSchema, rotaSummariesSchema, rotaVersionsSchema, swapSchema } from './responses/rotas';
import { createDraftBody, dutiesQuery, editBody, publishBody, replanBody, rotasQuery } from './rotas';
import { absencesQuery, createAbsenceBody, createSwapBody, decideBody, swapsQuery } from './selfservice';
import { previewBody, putPatternsBody } from './shifts';
import { swapCandidateSchema, swapCandidatesQuery } from './swap-candidates';
import { createUserBody, resetPasswordBody, updateUserBody, usersQuery } from './users';

/** An answer given by its contract type only (its schema lives beside the area's routes). */
export interface TypedAnswer<T> {
  readonly typed: true;
  /** Never set: carries the type. */
  readonly __answer?: T;
}
const typed = <T>(): TypedAnswer<T> => ({ typed: true });

/** A download: the body is a file of this media type. */
export interface FileAnswer {
  readonly file: string;
}
const file = (mediaType: string): FileAnswer => ({ file: mediaType });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** No body (204). */
export const noContent = z.undefined();

export interface EndpointSpec {
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** A multipart upload in this field. */
  readonly upload?: string;
  readonly response: z.ZodType | TypedAnswer<unknown> | FileAnswer;
}

export const ENDPOINTS = {
  /** Mounted before the route table: a 503 still carries this body. */
  'GET /health': { response: healthSchema },
  'POST /auth/login': { body: loginBody, response: loginResponseSchema },
  'POST /auth/logout': { response: noContent },
  'GET /auth/me': { response: currentUserSchema },
  'POST /auth/password': { body: changePasswordBody, response: noContent },
  'GET /users': { query: usersQuery, response: z.array(userAccountSchema) },
  'POST /users': { body: createUserBody, response: userAccountSchema },
  'PATCH /users/:id': { body: updateUserBody, response: userAccountSchema },
  'POST /users/:id/reset-password': { body: resetPasswordBody, response: userAccountSchema },
  'POST /lawyers/imports': { upload: 'file', response: importPreviewSchema },
  'GET /lawyers/imports/template': { response: file(XLSX) },
  'GET /lawyers/imports/:id': { response: importPreviewSchema },
  'POST /lawyers/imports/:id/confirm': { response: importResultSchema },
  'GET /lawyers': { query: lawyersQuery, response: lawyerPageSchema },
  'GET /lawyers/colleagues': { response: colleaguesSchema },
  'GET /lawyers/flagged': { response: z.array(lawyerListItemSchema) },
  'GET /lawyers/export': { query: lawyersQuery, response: file(XLSX) },
  'POST /lawyers/eligibility/re-evaluate': { response: reevaluationResultSchema },
  'POST /lawyers': { body: createLawyerBody, response: lawyerDossierSchema },
  'GET /lawyers/:id': { response: lawyerDossierSchema },
  'PATCH /lawyers/:id': { body: updateLawyerBody, response: lawyerDossierSchema },
  'PUT /lawyers/:id/assessments/:year': { body: assessmentBody, response: lawyerDossierSchema },
  'DELETE /lawyers/:id/assessments/:year': { response: lawyerDossierSchema },
  'PUT /lawyers/:id/attestation': { body: attestationBody, response: lawyerDossierSchema },
  'POST /lawyers/:id/complaints': { body: complaintBody, response: lawyerDossierSchema },
  'PATCH /lawyers/:id/complaints/:complaintId': { body: updateComplaintBody, response: lawyerDossierSchema },
  'POST /lawyers/:id/vetting': { body: vettingBody, response: lawyerDossierSchema },
  'POST /lawyers/:id/status': { body: statusChangeBody, response: lawyerDossierSchema },
  'GET /posts': { query: postsQuery, response: z.array(postSchema) },
  'GET /posts/:id': { response: postSchema },
  'POST /posts': { body: createPostBody, response: postSchema },
  'PATCH /posts/:id': { body: updatePostBody, response: postSchema },
  'POST /posts/:id/deactivate': { response: postSchema },
  'POST /posts/:id/activate': { response: postSchema },
  'GET /audit': { query: auditQuery, response: auditPageSchema },
  'GET /posts/:id/patterns': { response: z.array(shiftPatternSchema) },
  'PUT /posts/:id/patterns': { body: putPatternsBody, response: z.array(shiftPatternSchema) },
  'POST /shift-patterns/preview': { body: previewBody, response: patternPreviewSchema },
  'GET /calendar': { query: calendarQuery, response: calendarYearSchema },
  'PUT /calendar/days/:day': { body: setDayBody, response: calendarYearSchema },
  'GET /rotas': { query: rotasQuery, response: rotaSummariesSchema },
  'POST /rotas/drafts': { body: createDraftBody, response: planningStartedSchema },
  'GET /rotas/calendar-conflicts': { response: calendarConflictsSchema },
  'POST /rotas/:id/calendar-repair': { response: calendarRepairResultSchema },
  'GET /rotas/:id': { response: rotaDetailSchema },
  'POST /rotas/:id/replan': { body: replanBody, response: planningStartedSchema },
  'POST /rotas/:id/check': { body: editBody, response: editCheckSchema },
  'PATCH /rotas/:id/assignments': { body: editBody, response: rotaDetailSchema },
  'POST /rotas/:id/publish': { body: publishBody, response: publishStartedSchema },
  'GET /rotas/:id/versions': { response: rotaVersionsSchema },
  'GET /rotas/:id/export.xlsx': { response: file(XLSX) },
  'GET /jobs/:id': { response: jobViewSchema },
  'GET /duties/mine': { query: dutiesQuery.omit({ lawyerId: true, postId: true }), response: dutiesSchema },
  'GET /duties': { query: dutiesQuery, response: dutiesSchema },
  'GET /absences': { query: absencesQuery, response: z.array(absenceSchema) },
  'GET /absences/mine': { response: z.array(absenceSchema) },
  'POST /absences': { body: createAbsenceBody, response: absenceSchema },
  'POST /absences/:id/cancel': { response: absenceSchema },
  'POST /absences/:id/decide': { body: decideBody, response: absenceSchema },
  'GET /swaps': { query: swapsQuery, response: z.array(swapSchema) },
  'GET /swaps/mine': { response: z.array(swapSchema) },
  'POST /swaps': { body: createSwapBody, response: swapSchema },
  'POST /swaps/:id/accept': { response: swapSchema },
  'POST /swaps/:id/cancel': { response: swapSchema },
  'POST /swaps/:id/decide': { body: decideBody, response: swapSchema },
  'GET /notifications/mine': { response: z.array(notificationSchema) },
  'POST /notifications/:id/read': { response: notificationSchema },
  'GET /calendar-feeds/mine': { response: calendarFeedSchema },
  'GET /posts/:id/calendar-feed': { response: calendarFeedSchema },
  'POST /calendar-feeds/:id/rotate': { response: calendarFeedSchema },
  'GET /ical/:file': { response: file('text/calendar') },
  'GET /public/posts/:code/board': { query: z.object({ day: daySchema.optional() }), response: dutyBoardSchema },
  'POST /posts/:id/kiosk-token': { response: kioskTokenIssuedSchema },
  'POST /posts/:id/countersign-pin': { response: countersignPinIssuedSchema },
  'GET /posts/:id/checkin-settings': { response: checkinSettingsSchema },
  'PUT /posts/:id/checkin-settings': { body: checkinSettingsBody, response: checkinSettingsSchema },
  'GET /kiosk/:code': { response: kioskViewSchema },
  'POST /checkins': { body: checkinBody, response: checkinResultSchema },
  'GET /checkins/mine': { response: myDutiesSchema },
  'GET /liveboard': { response: liveBoardSchema },
  'GET /attendance/events': { query: attendanceEventsQuery, response: attendanceEventsSchema },
  'GET /violations': { query: violationsQuery, response: violationListSchema },
  'POST /violations': { body: createViolationBody, response: violationSchema },
  'POST /violations/bulk-decision': { body: bulkDecisionBody, response: bulkDecisionResultSchema },
  'GET /violations/mine': { response: myRecordSchema },
  'GET /violations/:id': { response: violationSchema },
  'POST /violations/:id/seen': { response: violationSchema },
  'POST /violations/:id/reply': { body: replyBody, response: violationSchema },
  'POST /violations/:id/decision': { body: decisionBody, response: violationSchema },
  'POST /violations/:id/reversal': { body: reversalBody, response: violationSchema },
  'GET /discipline/lawyers/:id': { response: lawyerDisciplineSchema },
  'GET /public/posts': { response: publicPostsSchema },
  'GET /public/duty': { query: publicDutyQuery, response: publicDutySchema },
  'GET /public/feedback/challenge': { response: z.object({ parameters: z.record(z.string(), z.unknown()), signature: z.string().optional() }) },
  'POST /public/feedback': { body: publicFeedbackBody, response: feedbackReceiptSchema },
  'GET /public/feedback/:code': { response: publicFeedbackStatusSchema },
  'GET /feedback': { query: feedbackQuery, response: z.array(feedbackItemSchema) },
  'GET /feedback/overdue': { response: z.array(feedbackItemSchema) },
  'GET /feedback/:code': { response: feedbackItemSchema },
  'POST /feedback/:code/accept': { body: decisionNoteBody, response: feedbackItemSchema },
  'POST /feedback/:code/reject': { body: rejectBody, response: feedbackItemSchema },
  'POST /feedback/:code/handle': { body: decisionNoteBody, response: feedbackItemSchema },
  'POST /feedback/:code/conclude': { body: concludeBody, response: feedbackItemSchema },
  'GET /hotline/search': { query: hotlineSearchQuery, response: hotlineSearchResultSchema },
  'GET /hotline/duty': { query: dutyRefQuery, response: hotlineDutyDetailSchema },
  'POST /hotline/calls': { body: hotlineCallBody, response: hotlineCallLoggedSchema },
  'GET /lawyers/:id/attendance-history': { query: dutyHistoryQuery, response: z.array(dutyHistoryRowSchema) },
  'POST /records': { body: recordBody, response: typed<DutyRecord>() },
  'GET /records/mine': { query: periodQuery, response: typed<DutyRecord[]>() },
  'GET /records/mine/duties': { response: typed<RecordableDuty[]>() },
  'GET /records/mine/history': { query: historyQuery, response: typed<DutyHistory>() },
  'GET /records/settings': { response: typed<RecordsSettings>() },
  'PUT /records/settings': { body: recordsSettingsBody, response: typed<RecordsSettings>() },
  'GET /records': { query: staffRecordsQuery, response: typed<DutyRecord[]>() },
  'GET /records/:id': { response: typed<DutyRecord>() },
  'POST /records/:id/forwarded': { response: typed<DutyRecord>() },
  'POST /records/:id/document': { upload: 'file', response: typed<DutyRecord>() },
  'GET /records/:id/document': { response: file('application/octet-stream') },
  'POST /fast-track': { body: fastTrackBody, response: typed<FastTrackCase>() },
  'GET /fast-track/mine': { response: typed<FastTrackCase[]>() },
  'GET /fast-track': { query: fastTrackQuery, response: typed<FastTrackCase[]>() },
  'GET /stats/summary': { query: periodQuery, response: typed<StatsSummary>() },
  'GET /stats/breakdown': { query: periodQuery, response: typed<StatsBreakdown>() },
  'GET /stats/export': { query: periodQuery, response: file(XLSX) },
  'GET /subsidy/rates': { response: typed<SubsidyRates>() },
  'PUT /subsidy/rates': { body: subsidyRatesBody, response: typed<SubsidyRates>() },
  'GET /subsidy/:month': { response: typed<SubsidyStatement>() },
  'POST /subsidy/:month/lock': { response: typed<SubsidyStatement>() },
  'GET /subsidy/:month/export': { response: file(XLSX) },
  'GET /lawyers/:id/duty-history': { query: historyQuery, response: typed<DutyHistory>() },
  'POST /checkins/undo-checkout': { body: undoCheckoutBody, response: undoneCheckoutSchema },
  'GET /swaps/candidates': { query: swapCandidatesQuery, response: z.array(swapCandidateSchema) },
  'GET /openapi.json': { response: typed<Record<string, unknown>>() },
} as const satisfies Record<string, EndpointSpec>;

export type Endpoints = typeof ENDPOINTS;
export type EndpointKey = keyof Endpoints;

/** `{ id: string }` for `/lawyers/:id`; `{}` for a path without parameters. */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string | number } & PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? { [K in Name]: string | number }
    : Record<never, never>;

export type PathOf<K extends EndpointKey> = K extends `${string} ${infer Path}` ? Path : never;
export type MethodOf<K extends EndpointKey> = K extends `${infer Method} ${string}` ? Method : never;
export type ParamsOf<K extends EndpointKey> = PathParams<PathOf<K>>;
/** What the client sends: the schema's input (defaults may be left out). */
export type QueryOf<K extends EndpointKey> = Endpoints[K] extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;
export type BodyOf<K extends EndpointKey> = Endpoints[K] extends { body: infer B extends z.ZodType } ? z.input<B> : never;
/** The success answer: the schema's output, the contract type, or a file. */
export type ResponseOf<K extends EndpointKey> = Endpoints[K]['response'] extends z.ZodType
  ? z.output<Endpoints[K]['response']>
  : Endpoints[K]['response'] extends TypedAnswer<infer T>
    ? T
    : Blob;
