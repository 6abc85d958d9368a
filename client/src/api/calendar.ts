import { call, type BodyOf } from './call';

export type * from '../../../api/src/contracts/calendar';

export const calendarApi = {
  year: (year: number) => call('GET /calendar', { query: { year } }),
  setDay: (day: string, body: BodyOf<'PUT /calendar/days/:day'>) => call('PUT /calendar/days/:day', { params: { day }, body }),
};
