import type { OpeningHours } from '@/api/posts';

/** "周一至周五 09:00–11:30" style text, using the translated weekday names. */
export function describeHours(h: OpeningHours, dayName: (d: number) => string, daysLabel: (days: string) => string): string {
  const days = [...h.days].sort((a, b) => a - b);
  const consecutive = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const text = consecutive ? `${dayName(days[0]!)}–${dayName(days[days.length - 1]!)}` : days.map(dayName).join('、');
  return `${daysLabel(text)} ${h.start}–${h.end}`;
}
