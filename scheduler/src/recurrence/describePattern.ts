import { RRule, type Weekday } from 'rrule';
import type { ShiftPattern } from '../model/types';
import { parseRule } from './expandPattern';

const DAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

function weekdaysZh(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const consecutive = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (consecutive) return `周${DAY_NAMES[sorted[0]]}至周${DAY_NAMES[sorted[sorted.length - 1]]}`;
  return sorted.map((d) => `周${DAY_NAMES[d]}`).join('、');
}

function every(interval: number, unit: string): string {
  if (interval === 1) return `每${unit}`;
  if (interval === 2) return `每隔一${unit}`;
  return `每${interval}${unit}`;
}

/** A plain-Chinese description of a pattern, e.g. "每周一至周五 09:00–11:30". */
export function describePatternZh(pattern: ShiftPattern): string {
  const options = parseRule(pattern.rrule);
  const interval = options.interval ?? 1;
  const raw = options.byweekday;
  const byday = raw === undefined || raw === null ? [] : (Array.isArray(raw) ? raw : [raw]).map((d) => (typeof d === 'number' ? d : (d as Weekday).weekday));
  const hours = `${pattern.start}–${pattern.end}`;
  let when: string;
  switch (options.freq) {
    case RRule.DAILY:
      when = interval === 1 ? '每天' : every(interval, '天');
      break;
    case RRule.WEEKLY:
      when = `${interval === 1 ? '每' : every(interval, '周').replace(/周$/, '周的')}${byday.length ? weekdaysZh(byday) : '周'}`;
      break;
    case RRule.MONTHLY: {
      const monthDays = options.bymonthday;
      const list = monthDays === undefined || monthDays === null ? [] : Array.isArray(monthDays) ? monthDays : [monthDays];
      when = `${every(interval, '月')}${list.length ? list.map((d) => `${d}日`).join('、') : ''}`;
      break;
    }
    default:
      when = `按规则 ${pattern.rrule}`;
  }
  const extras: string[] = [];
  if (pattern.exdates?.length) extras.push(`除去${pattern.exdates.length}天`);
  if (pattern.rdates?.length) extras.push(`另加${pattern.rdates.length}天`);
  return `${when} ${hours}${extras.length ? `（${extras.join('，')}）` : ''}`;
}
