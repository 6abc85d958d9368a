import type { Duty } from '../contracts/rotas';
import type { Actor } from '../lib/actor';
import type { Clock } from '../lib/clock';
import type { DemoProgress } from '../contracts/health';
import type { Logger } from '../lib/logger';
import { localDay } from '../lib/local-day';
import { addDays } from '../../../scheduler/src/index';
import { dutyTimes, evaluateAttendance } from '../modules/attendance/attendance.rules';
import { AttendanceEventModel } from '../modules/attendance/attendance.model';
import { dutyKeyOf } from '../modules/attendance/attendance.service';
import { writeMarks } from '../modules/checkins/checkin-marks.repository';
import { CheckinModel, type CheckinDoc } from '../modules/checkins/checkins.model';
import { DEFAULT_SETTINGS } from '../modules/checkins/checkins.service';
import { findOverlappingRotas } from '../modules/rotas/rotas.repository';
import { createServices, defaultSessionPolicy } from '../modules/services';
import { seededRandom, type Random } from './random';

type DemoPhase = DemoProgress['phase'];

const COORDINATOR: Actor = { userId: 'seed', username: 'coordinator', role: 'coordinator', lawyerId: null, requestId: null };
const MIN = 60_000;
const ZONE = 'Asia/Shanghai';

/** A clock the seed moves by hand, so versions, approvals and events carry their historical moments. */
function movableClock(start: Date): Clock & { set(d: Date): void } {
  let now = start;
  return { now: () => now, set: (d) => void (now = d) };
}

const monthStart = (month: string) => `${month}-01`;
const nextMonth = (month: string) => addDays(`${month}-01`, 32).slice(0, 7);
const monthEnd = (month: string) => addDays(monthStart(nextMonth(month)), -1);
/** 10:00 local time on a day (UTC+8), when staff publish. */
const officeHour = (day: string) => new Date(`${day}T02:00:00Z`);

export interface HistorySummary {
  months: string[];
  amendments: number;
  swaps: number;
  checkins: number;
  attendanceEvents: number;
}

/**
 * The demo's past: for each of the `months` months before the current one, a rota planned and
 * published ten days ahead, an amendment and an approved swap during the month (each published
 * at its moment), then check-ins for every duty that has ended — mostly on time, some late, a few
 * absent or leaving early — with the attendance events the rules find. Months that already have a
 * rota are left alone.
 */
export async function seedDemoHistory(opts: { now: Date; months?: number; logger?: Logger; onProgress?: (phase: DemoPhase, percent: number) => void }): Promise<HistorySummary> {
  const progress = opts.onProgress ?? (() => undefined);
  const rnd = seededRandom(20220624);
  const clock = movableClock(opts.now);
  const services = createServices({ clock, session: defaultSessionPolicy, logger: opts.logger });
  const thisMonth = localDay(ZONE, opts.now).slice(0, 7);
  const months: string[] = [];
  for (let m = thisMonth, i = 0; i < (opts.months ?? 3); i++) {
    m = addDays(monthStart(m), -1).slice(0, 7);
    months.unshift(m);
  }
  const postIds = (await services.posts.list({ active: 'true' })).map((p) => p.id);
  const summary: HistorySummary = { months: [], amendments: 0, swaps: 0, checkins: 0, attendanceEvents: 0 };
  for (const [i, month] of months.entries()) {
    // Rotas take the first 40 %, check-ins 5 %, the attendance they show up to 90 %; the duty records the rest.
    progress('rotas', Math.round((40 * i) / months.length));
    const from = monthStart(month);
    const to = monthEnd(month);
    if ((await findOverlappingRotas(postIds, from, to)).length > 0) continue;
    clock.set(officeHour(addDays(from, -10)));
    const started = await services.rotas.createDraft(COORDINATOR, { name: `${month} 值班表`, from, to, postIds });
    const planned = await finished(services, started.jobId);
    if (planned?.status !== 'done') throw new Error(`planning the ${month} demo rota failed: ${planned?.error ?? planned?.status}`);
    const rota = await services.rotas.get(started.rotaId);
    await services.rotas.publish(COORDINATOR, rota.id, { revision: rota.revision, note: '演示数据：历史排班' });
    summary.months.push(month);
    summary.amendments += await amend(services, clock, rota.id, from, rnd);
    summary.swaps += await swap(services, clock, rota.id, from, rnd);
  }
  progress('checkins', 40);
  const attended = await attend(services, clock, months[0] ? monthStart(months[0]) : localDay(ZONE, opts.now), opts.now, rnd, (done, total) =>
    progress('attendance', 45 + Math.floor((45 * done) / Math.max(1, total))),
  );
  summary.checkins = attended.checkins;
  summary.attendanceEvents = attended.events;
  clock.set(opts.now);
  return summary;
}

type Services = ReturnType<typeof createServices>;

function shuffled<T>(items: T[], rnd: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The job when it has finished (another process's job loop may have claimed it). */
async function finished(services: Services, jobId: string) {
  const first = await services.jobs.runNow(jobId);
  let job = first;
  for (let i = 0; i < 600 && job && job.status !== 'done' && job.status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 200));
    job = await services.jobs.get(jobId);
  }
  return job;
}

/** An amendment a month: a lawyer taken ill is replaced by a colleague free that day. */
async function amend(services: Services, clock: ReturnType<typeof movableClock>, rotaId: string, from: string, rnd: Random): Promise<number> {
  let done = 0;
  for (const offset of [6]) {
    const day = addDays(from, offset);
    const duties = await services.rotas.duties({ from: day, to: addDays(day, 3) });
    const mine = duties.filter((d) => d.rotaId === rotaId);
    if (mine.length === 0) continue;
    const target = mine[rnd.int(0, mine.length - 1)]!;
    const busy = new Set(duties.filter((d) => d.day === target.day).map((d) => d.lawyerId));
    const rota = await services.rotas.get(rotaId);
    const candidates = shuffled(Object.values(rota.lawyers).filter((l) => !busy.has(l.id)), rnd);
    for (const c of candidates.slice(0, 4)) {
      clock.set(new Date(new Date(target.start).getTime() - 18 * 60 * MIN));
      try {
        await services.rotas.amend(COORDINATOR, rotaId, (slots) => {
          const slot = slots.find((s) => s.id === target.slotId)!;
          return [{ slotId: slot.id, lawyerIds: slot.lawyerIds.map((id) => (id === target.lawyerId ? c.id : id)) }];
        }, '原值班律师临时生病，由其他律师替班');
        done++;
        break;
      } catch {
        // This colleague breaks a rule (monthly cap, district, kind, rest); try the next.
      }
    }
  }
  return done;
}

/** An approved swap a month: asked for two days ahead, accepted, approved the day before. */
async function swap(services: Services, clock: ReturnType<typeof movableClock>, rotaId: string, from: string, rnd: Random): Promise<number> {
  let done = 0;
  for (const offset of [12]) {
    const day = addDays(from, offset);
    const duties = (await services.rotas.duties({ from: day, to: addDays(day, 4) })).filter((d) => d.rotaId === rotaId);
    if (duties.length === 0) continue;
    const target = duties[rnd.int(0, duties.length - 1)]!;
    const sameDay = new Set((await services.rotas.duties({ from: target.day, to: target.day })).map((d) => d.lawyerId));
    const rota = await services.rotas.get(rotaId);
    const partners = shuffled(Object.values(rota.lawyers).filter((l) => !sameDay.has(l.id)), rnd).slice(0, 4);
    const start = new Date(target.start).getTime();
    const requester: Actor = { userId: 'seed', username: 'seed-lawyer', role: 'lawyer', lawyerId: target.lawyerId, requestId: null };
    for (const p of partners) {
      try {
        clock.set(new Date(start - 48 * 60 * MIN));
        const s = await services.swaps.create(requester, { rotaId, slotId: target.slotId, partnerLawyerId: p.id, note: '家中有事，申请调班' });
        clock.set(new Date(start - 40 * 60 * MIN));
        await services.swaps.accept({ ...requester, lawyerId: p.id }, s.id);
        clock.set(new Date(start - 20 * 60 * MIN));
        await services.swaps.decide(COORDINATOR, s.id, { approve: true, note: '同意' });
        done++;
        break;
      } catch {
        // Not allowed for this partner (rules); try the next.
      }
    }
  }
  return done;
}

/** Check-ins for every duty that ended before `now`, and the events the attendance rules find in them. */
async function attend(
  services: Services,
  clock: ReturnType<typeof movableClock>,
  from: string,
  now: Date,
  rnd: Random,
  onProgress: (done: number, total: number) => void,
): Promise<{ checkins: number; events: number }> {
  const duties = (await services.rotas.duties({ from, to: localDay(ZONE, now) })).filter((d) => new Date(d.end) < now);
  // Duties already attended (or found absent) by an earlier run are left as they are.
  const seen = [
    ...(await CheckinModel.find({ day: { $gte: from } }).select({ dutyKey: 1 }).lean<{ dutyKey: string }[]>()),
    ...(await AttendanceEventModel.find({ day: { $gte: from } }).select({ dutyKey: 1 }).lean<{ dutyKey: string }[]>()),
  ];
  const existing = new Set(seen.map((c) => c.dutyKey));
  const docs: CheckinDoc[] = [];
  const evaluated: { duty: Duty; inAt: Date | null; outAt: Date | null }[] = [];
  for (const duty of duties) {
    const key = dutyKeyOf(duty);
    if (existing.has(key)) continue;
    const { start, end } = dutyTimes(duty);
    const r = rnd.next();
    const at = (base: Date, min: number) => new Date(base.getTime() + min * MIN);
    let inAt: Date | null = at(start, -rnd.int(3, 25));
    let outAt: Date | null = at(end, rnd.int(0, 12));
    if (r < 0.03) [inAt, outAt] = [null, null];
    else if (r < 0.13) inAt = at(start, rnd.int(11, 45));
    else if (r < 0.16) outAt = at(end, -rnd.int(20, 60));
    const base = { dutyKey: key, lawyerId: duty.lawyerId, userId: 'seed', postId: duty.postId, rotaId: duty.rotaId, slotId: duty.slotId, day: duty.day, location: null, distanceM: null, countersigned: false, codeWindow: 0 };
    if (inAt) docs.push({ _id: `${key}:in`, kind: 'in', at: inAt, idempotencyKey: `seed-${key}-in`, ...base });
    if (inAt && outAt) docs.push({ _id: `${key}:out`, kind: 'out', at: outAt, idempotencyKey: `seed-${key}-out`, ...base });
    evaluated.push({ duty, inAt, outAt });
  }
  for (let i = 0; i < docs.length; i += 1000) await CheckinModel.insertMany(docs.slice(i, i + 1000), { ordered: false });
  await writeMarks(docs);
  let events = 0;
  for (const [i, e] of evaluated.entries()) {
    if (i % 50 === 0) onProgress(i, evaluated.length);
    const found = evaluateAttendance(dutyTimes(e.duty), DEFAULT_SETTINGS, { inAt: e.inAt, outAt: e.outAt }, now).events;
    if (found.length === 0) continue;
    clock.set(new Date(Math.max(...found.map((x) => x.at.getTime()))));
    events += await services.attendance.record(e.duty, found);
  }
  return { checkins: docs.length, events };
}
