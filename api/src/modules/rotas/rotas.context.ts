import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { JobsService } from '../jobs/jobs.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { ShiftsService } from '../shifts/shifts.service';
import type { RotaInstance } from '../../../../scheduler/src/index';
import { buildInstance } from './planning/buildInstance';
import type { PlanningDirectory } from './planning/planningInputs';
import { findCurrentDuties, type StoredRota } from './rotas.repository';

export interface RotasDeps {
  clock: Clock;
  logger?: Logger;
  audit: AuditService;
  jobs: JobsService;
  calendar: CalendarService;
  shifts: ShiftsService;
  notifications: NotificationsService;
  directory: PlanningDirectory;
  /** Lawyers' names for labelling duties, all or by id (a small read; defaults to the directory). */
  lawyerNames?(ids?: string[]): Promise<{ id: string; name: string }[]>;
  /** Plan in a worker thread (default) or inline (tests that need no thread). */
  planInWorker?: boolean;
}

/** Days on which each lawyer already serves in another published rota over a period. */
export async function busyDaysElsewhere(rotaId: string, from: string, to: string): Promise<Map<string, string[]>> {
  const duties = await findCurrentDuties({ from, to });
  const out = new Map<string, string[]>();
  for (const d of duties) {
    if (d.rotaId === rotaId) continue;
    const list = out.get(d.lawyerId) ?? [];
    list.push(d.day);
    out.set(d.lawyerId, list);
  }
  return out;
}

/** The engine instance for a stored rota, as of now. */
export async function instanceFor(deps: RotasDeps, rota: StoredRota, pins: RotaInstance['pins'] = []): Promise<RotaInstance> {
  const posts = await deps.directory.postsByIds(rota.postIds);
  const [patterns, lawyers, absences, calendar, busyDays] = await Promise.all([
    deps.shifts.forPlanning(posts),
    deps.directory.lawyers(),
    deps.directory.absences(rota.from, rota.to),
    deps.calendar.current(),
    busyDaysElsewhere(rota.id, rota.from, rota.to),
  ]);
  return buildInstance({ from: rota.from, to: rota.to, seed: rota.seed, posts, patterns, lawyers, absences, calendar, busyDays, pins });
}
