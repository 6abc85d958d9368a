import { changeByVersion } from '../../db/claims';
import { CalendarOverridesModel, OVERRIDES_ID, type CalendarOverridesDoc } from './calendar.model';

export interface StoredOverrides {
  holidays: Record<string, string | null>;
  makeUpDays: Record<string, string | null>;
}

export async function readOverrides(): Promise<StoredOverrides> {
  const doc = await CalendarOverridesModel.findById(OVERRIDES_ID).lean<CalendarOverridesDoc>();
  return { holidays: doc?.holidays ?? {}, makeUpDays: doc?.makeUpDays ?? {} };
}

/**
 * Sets one day's override in both maps (undefined: no override). Staff changing different days at
 * once each keep theirs: the document changes by version (db/claims.ts), since FerretDB writes a
 * document back whole and racing updates of it would keep only the last.
 */
export async function writeDayOverride(day: string, holiday: string | null | undefined, makeUpDay: string | null | undefined): Promise<void> {
  const put = (map: Record<string, string | null> | undefined, value: string | null | undefined) => {
    const next = { ...(map ?? {}) };
    if (value === undefined) delete next[day];
    else next[day] = value;
    return next;
  };
  await changeByVersion(CalendarOverridesModel, 'calendar', OVERRIDES_ID, (doc) => ({
    holidays: put(doc?.holidays, holiday),
    makeUpDays: put(doc?.makeUpDays, makeUpDay),
    revision: (doc?.revision ?? 0) + 1,
  }));
}
