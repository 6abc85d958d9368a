import { CalendarOverridesModel, OVERRIDES_ID, type CalendarOverridesDoc } from './calendar.model';

export interface StoredOverrides {
  holidays: Record<string, string | null>;
  makeUpDays: Record<string, string | null>;
}

export async function readOverrides(): Promise<StoredOverrides> {
  const doc = await CalendarOverridesModel.findById(OVERRIDES_ID).lean<CalendarOverridesDoc>();
  return { holidays: doc?.holidays ?? {}, makeUpDays: doc?.makeUpDays ?? {} };
}

/** Sets one day's override in both maps with a single-document update. */
export async function writeDayOverride(day: string, holiday: string | null | undefined, makeUpDay: string | null | undefined): Promise<void> {
  const set: Record<string, string | null> = {};
  const unset: Record<string, ''> = {};
  if (holiday === undefined) unset[`holidays.${day}`] = '';
  else set[`holidays.${day}`] = holiday;
  if (makeUpDay === undefined) unset[`makeUpDays.${day}`] = '';
  else set[`makeUpDays.${day}`] = makeUpDay;
  const update: Record<string, unknown> = { $inc: { revision: 1 } };
  if (Object.keys(set).length) update.$set = set;
  if (Object.keys(unset).length) update.$unset = unset;
  await CalendarOverridesModel.updateOne({ _id: OVERRIDES_ID }, update, { upsert: true });
}
