import type { HolidayCalendar } from '../model/types';
import { daysBetween } from '../time/localDay';

/**
 * Public holidays and make-up working days (调休) in mainland China, from the State
 * Council General Office's yearly notices (国务院办公厅关于…部分节假日安排的通知).
 *
 * A holiday entry covers the whole break as announced (放假调休 … 共 N 天), weekends inside
 * it included, because a post that closes on holidays closes for the whole break.
 *
 * Sources as remembered, to be checked against the published notices before relying on
 * them: 2024 国办发明电〔2023〕7号; 2025 国办发明电〔2024〕12号 (the first year with 除夕 and
 * 5月2日 as statutory days); 2026 国办发明电〔2025〕7号. The 2026 dates are the least certain
 * (published late 2025). Staff can correct any day through calendar overrides.
 */
interface Break {
  name: string;
  from: string;
  to: string;
  makeUp?: string[];
}

const BREAKS: Record<number, Break[]> = {
  2024: [
    { name: '元旦', from: '2023-12-30', to: '2024-01-01' },
    { name: '春节', from: '2024-02-10', to: '2024-02-17', makeUp: ['2024-02-04', '2024-02-18'] },
    { name: '清明节', from: '2024-04-04', to: '2024-04-06', makeUp: ['2024-04-07'] },
    { name: '劳动节', from: '2024-05-01', to: '2024-05-05', makeUp: ['2024-04-28', '2024-05-11'] },
    { name: '端午节', from: '2024-06-08', to: '2024-06-10' },
    { name: '中秋节', from: '2024-09-15', to: '2024-09-17', makeUp: ['2024-09-14'] },
    { name: '国庆节', from: '2024-10-01', to: '2024-10-07', makeUp: ['2024-09-29', '2024-10-12'] },
  ],
  2025: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', makeUp: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', makeUp: ['2025-04-27'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', makeUp: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeUp: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', makeUp: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeUp: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeUp: ['2026-09-20', '2026-10-10'] },
  ],
};

export const CHINA_HOLIDAY_YEARS: readonly number[] = Object.keys(BREAKS).map(Number);

/** The shipped calendar for the given years (all known years by default). */
export function chinaHolidayCalendar(years: readonly number[] = CHINA_HOLIDAY_YEARS): HolidayCalendar {
  const calendar: HolidayCalendar = { holidays: {}, makeUpDays: {} };
  for (const year of years) {
    for (const br of BREAKS[year] ?? []) {
      for (const day of daysBetween(br.from, br.to)) calendar.holidays[day] = br.name;
      for (const day of br.makeUp ?? []) calendar.makeUpDays[day] = `${br.name}调休上班`;
    }
  }
  return calendar;
}
