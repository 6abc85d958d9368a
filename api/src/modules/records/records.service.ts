import type { Post } from '../../contracts/posts';
import {
  RECORD_WINDOW_DAYS,
  type Deadline,
  type DutyRecord,
  type RecordBody,
  type RecordableDuty,
  type RecordsSettings,
  type StaffRecordsQuery,
} from '../../contracts/records';
import type { Duty } from '../../contracts/rotas';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { dutyKeyOf } from '../attendance/attendance.service';
import type { AuditService } from '../audit/audit.service';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { RotasService } from '../rotas/rotas.service';
import type { DutyRecordSummary, DutyRecordsReader } from './records.port';
import { countDeadline, countRecord } from './records.counters';
import {
  completeDeadline,
  findCase,
  findDeadline,
  findDocument,
  findMark,
  findMarks,
  findRecord,
  findRecords,
  findSetting,
  insertDeadline,
  insertRecord,
  keyedId,
  saveDocument,
  saveSetting,
  setCaseFields,
  setRecordFields,
  type DeadlineDoc,
  type DutyRecordDoc,
} from './records.repository';
import { addDays, today } from './records.time';

export const DEFAULT_RECORDS_SETTINGS: RecordsSettings = { missingRecordGraceHours: 48 };
const HOUR_MS = 3_600_000;
/** Aid applications go to the legal-aid agency within 24 hours (法律援助法 art. 39). */
export const AID_FORWARD_MS = 24 * HOUR_MS;
/** A clock is due soon in its last quarter, and never more than a day ahead. */
export function dueSoonMs(d: Pick<DeadlineDoc, 'startedAt' | 'dueAt'>): number {
  return Math.min(24 * HOUR_MS, (d.dueAt.getTime() - d.startedAt.getTime()) / 4);
}
const DOCUMENT_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/jpeg',
  'image/png',
  'text/plain',
]);

export function deadlineView(d: DeadlineDoc, now: Date): Deadline {
  let status: Deadline['status'];
  if (d.doneAt) status = d.outcome === 'missed' ? 'missed' : 'met';
  else if (now > d.dueAt) status = 'overdue';
  else if (d.dueAt.getTime() - now.getTime() <= dueSoonMs(d)) status = 'due_soon';
  else status = 'open';
  return { id: d._id, kind: d.kind, dueAt: d.dueAt.toISOString(), doneAt: d.doneAt?.toISOString() ?? null, status };
}

/** A short line for staff and the hotline desk: no names of the people helped. */
function titleOf(body: RecordBody): string {
  const d = body.data as Record<string, unknown>;
  const s = (v: unknown) => String(v ?? '');
  switch (body.kind) {
    case 'consultation':
      return `${s(d.caseType)}：${s(d.question).slice(0, 40)}`;
    case 'plea_witness':
      return `${s(d.caseNumber)} ${s(d.charge)}`;
    case 'aid_application':
      return `法律援助申请 ${s(d.caseNumber)}`.trim();
    default:
      return s(d.caseNumber) || body.kind;
  }
}

export interface RecordsDeps {
  clock: Clock;
  audit: AuditService;
  rotas: Pick<RotasService, 'duties'>;
  postsByIds(ids: string[]): Promise<Post[]>;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
}

export function createRecordsService(deps: RecordsDeps) {
  const { clock } = deps;

  /** The caller's duty with this key, among their duties of the last RECORD_WINDOW_DAYS days that have begun. */
  async function ownDuty(lawyerId: string, dutyKey: string, now: Date): Promise<Duty> {
    const t = today(now);
    const duties = await deps.rotas.duties({ from: addDays(t, -RECORD_WINDOW_DAYS), to: t, lawyerId });
    const duty = duties.find((d) => dutyKeyOf(d) === dutyKey && new Date(d.start).getTime() <= now.getTime() + HOUR_MS);
    if (!duty) throw new AppError('duty_not_yours', 'This duty is not yours, has not begun or is too old to record', 409);
    return duty;
  }

  async function views(docs: DutyRecordDoc[]): Promise<DutyRecord[]> {
    const now = clock.now();
    const posts = new Map((await deps.postsByIds([...new Set(docs.map((d) => d.postId))])).map((p) => [p.id, p]));
    const lawyers = new Map((await deps.lawyersByIds([...new Set(docs.map((d) => d.lawyerId))])).map((l) => [l.id, l]));
    return Promise.all(
      docs.map(async (d) => {
        const deadline = d.kind === 'aid_application' ? await findDeadline(`rec:${d._id}:aid_forward`) : null;
        return {
          id: d._id,
          kind: d.kind,
          dutyKey: d.dutyKey,
          lawyerId: d.lawyerId,
          lawyerName: lawyers.get(d.lawyerId)?.name ?? '',
          postId: d.postId,
          postName: posts.get(d.postId)?.name ?? '',
          day: d.day,
          createdAt: d.createdAt.toISOString(),
          title: d.title,
          data: d.data,
          document: d.document,
          deadline: deadline ? deadlineView(deadline, now) : null,
        };
      }),
    );
  }

  const viewOne = async (d: DutyRecordDoc) => (await views([d]))[0]!;

  /** Finishes a record's side effects (counters, clocks) if a crash left them undone. */
  async function settle(doc: DutyRecordDoc): Promise<void> {
    if (doc.kind === 'aid_application') {
      const receivedAt = new Date(String(doc.data.receivedAt));
      await insertDeadline({
        _id: `rec:${doc._id}:aid_forward`,
        kind: 'aid_forward',
        lawyerId: doc.lawyerId,
        postId: doc.postId,
        subject: doc.title,
        startedAt: receivedAt,
        dueAt: new Date(receivedAt.getTime() + AID_FORWARD_MS),
        doneAt: null,
        outcome: null,
        open: true,
        remindedSoonAt: null,
        remindedOverdueAt: null,
      });
    }
    const caseId = doc.data.fastTrackCaseId;
    if (typeof caseId === 'string' && (doc.kind === 'file_reading' || doc.kind === 'legal_opinion')) {
      await finishClock(`ft:${caseId}:${doc.kind === 'file_reading' ? 'file_read' : 'opinion'}`, doc.createdAt);
    }
    if (!doc.counted) await countRecord(doc);
  }

  async function finishClock(id: string, at: Date): Promise<void> {
    const d = await findDeadline(id);
    if (!d) return;
    const res = await completeDeadline(id, at);
    if (res.met) await countDeadline(d, 'met');
    const [, caseId] = id.split(':');
    if (id.startsWith('ft:') && caseId) {
      const clocks = await Promise.all([findDeadline(`ft:${caseId}:file_read`), findDeadline(`ft:${caseId}:opinion`)]);
      if (clocks.every((c) => c?.doneAt)) await setCaseFields(caseId, { open: false });
    }
  }

  /** Stores a record of the caller's duty; a retry with the same client key answers the first one. */
  async function create(actor: Actor, body: RecordBody): Promise<DutyRecord> {
    const lawyerId = actor.lawyerId;
    if (!lawyerId) throw new AppError('forbidden', 'Only a lawyer keeps duty records', 403);
    const id = keyedId(lawyerId, body.clientKey);
    const existing = await findRecord(id);
    if (existing) {
      await settle(existing);
      return { ...(await viewOne(existing)), replayed: true };
    }
    const now = clock.now();
    let dutyKey = body.dutyKey;
    const caseId = 'fastTrackCaseId' in body.data ? body.data.fastTrackCaseId : undefined;
    if (caseId) {
      const c = await findCase(caseId);
      if (!c || c.lawyerId !== lawyerId) throw new AppError('fast_track_not_found', 'No such fast-track case of yours', 404);
      dutyKey ??= c.dutyKey ?? undefined;
    }
    if (!dutyKey) throw new AppError('duty_required', 'Choose the duty this record belongs to', 400);
    const duty = await ownDuty(lawyerId, dutyKey, now);
    const doc: DutyRecordDoc = {
      _id: id,
      kind: body.kind,
      dutyKey,
      lawyerId,
      postId: duty.postId,
      rotaId: duty.rotaId,
      slotId: duty.slotId,
      day: duty.day,
      month: duty.day.slice(0, 7),
      year: Number(duty.day.slice(0, 4)),
      createdAt: now,
      createdBy: actor.userId,
      title: titleOf(body),
      caseNumber: 'caseNumber' in body.data && body.data.caseNumber ? body.data.caseNumber : null,
      data: body.data as Record<string, unknown>,
      document: null,
      counted: false,
    };
    if (!(await insertRecord(doc))) {
      const raced = (await findRecord(id))!;
      return { ...(await viewOne(raced)), replayed: true };
    }
    await settle(doc);
    return { ...(await viewOne({ ...doc, counted: true })), replayed: false };
  }

  async function readable(actor: Actor, id: string): Promise<DutyRecordDoc> {
    const doc = await findRecord(id);
    const staff = actor.role === 'admin' || actor.role === 'coordinator';
    if (!doc || (!staff && doc.lawyerId !== actor.lawyerId)) throw new AppError('record_not_found', 'No such record', 404);
    return doc;
  }

  async function own(actor: Actor, id: string): Promise<DutyRecordDoc> {
    const doc = await findRecord(id);
    if (!doc || doc.lawyerId !== actor.lawyerId) throw new AppError('record_not_found', 'No such record', 404);
    return doc;
  }

  /** The aid application went to the legal-aid agency: stops its 24-hour clock. */
  async function markForwarded(actor: Actor, id: string): Promise<DutyRecord> {
    const doc = await own(actor, id);
    if (doc.kind !== 'aid_application') throw new AppError('not_an_aid_application', 'Only an aid application is forwarded', 400);
    const now = clock.now();
    if (!doc.data.forwardedAt) {
      await setRecordFields(id, { data: { ...doc.data, forwardedAt: now.toISOString() } });
      await finishClock(`rec:${id}:aid_forward`, now);
    }
    return viewOne((await findRecord(id))!);
  }

  async function attachDocument(actor: Actor, id: string, file: Express.Multer.File | undefined): Promise<DutyRecord> {
    const doc = await own(actor, id);
    if (doc.kind !== 'legal_opinion') throw new AppError('not_a_legal_opinion', 'Only a legal opinion carries a document', 400);
    if (!file) throw new AppError('file_required', 'Attach the document', 400);
    if (!DOCUMENT_TYPES.has(file.mimetype)) throw new AppError('file_type_not_allowed', 'PDF, Word, JPEG, PNG or text only', 400);
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 120);
    const meta = { name, size: file.size, contentType: file.mimetype };
    await saveDocument({ _id: id, ...meta, data: file.buffer, uploadedAt: clock.now() });
    await setRecordFields(id, { document: meta });
    return viewOne({ ...doc, document: meta });
  }

  async function documentOf(actor: Actor, id: string) {
    await readable(actor, id);
    const file = await findDocument(id);
    if (!file) throw new AppError('document_not_found', 'No document attached', 404);
    return file;
  }

  async function recordsOfDuties(duties: Pick<Duty, 'rotaId' | 'slotId' | 'lawyerId'>[]): Promise<DutyRecordDoc[]> {
    const marks = await findMarks(duties.map(dutyKeyOf));
    const docs = await findRecords([...marks.values()].flatMap((m) => m.recordIds));
    return docs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** The caller's duties that have begun within the recording window, newest first, with how many records each has. */
  async function recordableDuties(actor: Actor): Promise<RecordableDuty[]> {
    if (!actor.lawyerId) return [];
    const now = clock.now();
    const t = today(now);
    const duties = (await deps.rotas.duties({ from: addDays(t, -RECORD_WINDOW_DAYS), to: t, lawyerId: actor.lawyerId })).filter(
      (d) => new Date(d.start).getTime() <= now.getTime() + HOUR_MS,
    );
    const marks = await findMarks(duties.map(dutyKeyOf));
    return duties
      .map((d) => ({ dutyKey: dutyKeyOf(d), day: d.day, postName: d.postName, localStart: d.localStart, localEnd: d.localEnd, start: d.start, records: marks.get(dutyKeyOf(d))?.recordIds.length ?? 0 }))
      .reverse();
  }

  async function mine(actor: Actor, from: string, to: string): Promise<DutyRecord[]> {
    if (!actor.lawyerId) return [];
    return views(await recordsOfDuties(await deps.rotas.duties({ from, to, lawyerId: actor.lawyerId })));
  }

  async function list(q: StaffRecordsQuery): Promise<DutyRecord[]> {
    if ('dutyKey' in q) {
      const mark = await findMark(q.dutyKey);
      return views(mark ? await findRecords(mark.recordIds) : []);
    }
    return views(await recordsOfDuties(await deps.rotas.duties({ from: q.from, to: q.to, lawyerId: q.lawyerId })));
  }

  const get = async (actor: Actor, id: string) => viewOne(await readable(actor, id));

  const reader: DutyRecordsReader = {
    async forDuty(dutyKey: string): Promise<DutyRecordSummary[]> {
      const mark = await findMark(dutyKey);
      if (!mark) return [];
      // Marks written before they carried the summaries fall back to the records themselves.
      const items = mark.items.length === mark.recordIds.length ? mark.items : (await findRecords(mark.recordIds)).map((d) => ({ id: d._id, kind: d.kind, at: d.createdAt, title: d.title }));
      return items.map((i) => ({ ...i, at: new Date(i.at) })).sort((a, b) => a.at.getTime() - b.at.getTime());
    },
  };

  async function settings(): Promise<RecordsSettings> {
    return { ...DEFAULT_RECORDS_SETTINGS, ...((await findSetting('records'))?.value as Partial<RecordsSettings> | undefined) };
  }

  async function updateSettings(actor: Actor, body: RecordsSettings): Promise<RecordsSettings> {
    const before = await settings();
    if (before.missingRecordGraceHours === body.missingRecordGraceHours) return before;
    await saveSetting({ _id: 'records', value: body, updatedAt: clock.now(), updatedBy: actor.username });
    await deps.audit.record(actor, { action: 'records.settings_update', entityType: 'records_settings', entityId: 'records', before, after: body });
    return body;
  }

  return { create, recordableDuties, markForwarded, attachDocument, documentOf, mine, list, get, reader, forDuty: reader.forDuty, settings, updateSettings, recordsOfDuties, finishClock };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
