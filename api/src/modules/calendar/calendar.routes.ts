import { calendarQuery, dayParams, setDayBody } from '../../contracts/calendar';
import { defineRoute, type AnyRoute } from '../../lib/route';
import type { CalendarService } from './calendar.service';
import { calendarYearSchema } from '../../contracts/responses/places';

export function calendarRoutes(calendar: CalendarService): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/calendar', access: 'authenticated', schemas: { response: calendarYearSchema, query: calendarQuery }, handler: ({ query }) => calendar.year(query.year) }),
    defineRoute({
      method: 'put',
      path: '/calendar/days/:day',
      access: ['admin', 'coordinator'],
      schemas: { response: calendarYearSchema, params: dayParams, body: setDayBody },
      handler: ({ actor, params, body }) => calendar.setDay(actor, params.day, body),
    }),
  ];
}
