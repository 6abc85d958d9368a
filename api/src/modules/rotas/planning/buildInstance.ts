import type { Post } from '../../../contracts/posts';
import type { Assignment, HolidayCalendar, Lawyer, RotaInstance, ShiftPattern } from '../../../../../scheduler/src/index';
import type { PlanningAbsence, PlanningLawyer } from './planningInputs';

export interface InstanceInputs {
  from: string;
  to: string;
  seed: number;
  posts: Post[];
  patterns: Map<string, ShiftPattern[]>;
  lawyers: PlanningLawyer[];
  absences: PlanningAbsence[];
  calendar: HolidayCalendar;
  /** Days on which a lawyer already serves in another published rota: blocked whole. */
  busyDays: Map<string, string[]>;
  pins?: Assignment[];
}

function engineStatus(l: PlanningLawyer): Lawyer['status'] {
  if (l.status === 'active' || l.status === 'warned') return 'active';
  if (l.status === 'suspended') return 'suspended';
  return 'removed';
}

/** The engine's instance for a rota: the dossier's facts, patterns, leave and the calendar. */
export function buildInstance(inputs: InstanceInputs): RotaInstance {
  const leave = new Map<string, { from: string; to: string }[]>();
  const unavailable = new Map<string, { from: string; to: string }[]>();
  for (const a of inputs.absences) {
    const map = a.kind === 'leave' ? leave : unavailable;
    const list = map.get(a.lawyerId) ?? [];
    list.push({ from: a.from, to: a.to });
    map.set(a.lawyerId, list);
  }
  for (const [lawyerId, days] of inputs.busyDays) {
    const list = unavailable.get(lawyerId) ?? [];
    for (const day of days) list.push({ from: day, to: day });
    unavailable.set(lawyerId, list);
  }
  return {
    period: { from: inputs.from, to: inputs.to },
    seed: inputs.seed,
    calendar: inputs.calendar,
    posts: inputs.posts.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      district: p.district,
      timeZone: p.timeZone,
      lawyersNeeded: p.lawyersPerShift,
      patterns: inputs.patterns.get(p.id) ?? [],
      opensOnHolidays: p.opensOnHolidays,
      opensOnMakeUpDays: p.opensOnMakeUpDays,
    })),
    lawyers: inputs.lawyers.map((l) => ({
      id: l.id,
      name: l.name,
      firmId: l.firm,
      status: engineStatus(l),
      eligible: l.eligible,
      qualifications: { kinds: l.postKinds, districts: l.districts },
      leave: leave.get(l.id) ?? [],
      unavailable: unavailable.get(l.id) ?? [],
    })),
    pins: inputs.pins ?? [],
  };
}
