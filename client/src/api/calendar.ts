import type { CalendarYear, SetDayBody } from '../../../api/src/contracts/calendar';
import { http } from './http';

export type * from '../../../api/src/contracts/calendar';

export const calendarApi = {
  year: (year: number) => http.get<CalendarYear>('/api/calendar', { year }),
  setDay: (day: string, body: SetDayBody) => http.put<CalendarYear>(`/api/calendar/days/${day}`, body),
};
