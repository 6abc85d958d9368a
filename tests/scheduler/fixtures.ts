import type { Lawyer, Post, RotaInstance, ShiftPattern } from '../../scheduler/src/model/types';

export const WEEKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

export function pattern(id: string, start: string, end: string, extra: Partial<ShiftPattern> = {}): ShiftPattern {
  return { id, rrule: WEEKDAYS, dtstart: '2026-01-05', start, end, ...extra };
}

export function post(id: string, extra: Partial<Post> = {}): Post {
  return {
    id,
    name: `Post ${id}`,
    kind: 'court',
    district: 'gulou',
    timeZone: 'Asia/Shanghai',
    lawyersNeeded: 1,
    patterns: [pattern('am', '09:00', '11:30'), pattern('pm', '14:30', '17:30')],
    opensOnHolidays: false,
    opensOnMakeUpDays: true,
    ...extra,
  };
}

export function lawyer(id: string, extra: Partial<Lawyer> = {}): Lawyer {
  return {
    id,
    name: `Lawyer ${id}`,
    firmId: `firm-${id}`,
    status: 'active',
    eligible: true,
    qualifications: { kinds: ['court', 'procuratorate', 'detention_centre'], districts: ['gulou'] },
    ...extra,
  };
}

export function instance(extra: Partial<RotaInstance> = {}): RotaInstance {
  return {
    period: { from: '2026-10-12', to: '2026-10-16' },
    posts: [post('p1')],
    lawyers: [lawyer('a'), lawyer('b'), lawyer('c')],
    calendar: { holidays: {}, makeUpDays: {} },
    seed: 1,
    ...extra,
  };
}
