import { DutyDaySheetModel, DutyMonthTotalsModel, type DutyDaySheetDoc, type DutyMonthTotalsDoc } from './records.model';

export type { DutyDaySheetDoc, DutyMonthTotalsDoc };

/** Day sheets by day: a few one by one, more in one `$in` (see `byIds` in records.repository for why). */
export async function findSheets(days: string[]): Promise<Map<string, DutyDaySheetDoc>> {
  const docs =
    days.length <= 3
      ? (await Promise.all(days.map((d) => DutyDaySheetModel.findById(d).lean<DutyDaySheetDoc>()))).filter((d): d is DutyDaySheetDoc => d !== null)
      : await DutyDaySheetModel.find({ _id: { $in: days } }).lean<DutyDaySheetDoc[]>();
  return new Map(docs.map((d) => [d._id, d]));
}

export async function saveSheets(docs: DutyDaySheetDoc[]): Promise<void> {
  for (const d of docs) await DutyDaySheetModel.replaceOne({ _id: d._id }, d, { upsert: true });
}

export const findMonthTotals = (month: string) => DutyMonthTotalsModel.findById(month).lean<DutyMonthTotalsDoc>();

export async function saveMonthTotals(doc: DutyMonthTotalsDoc): Promise<void> {
  await DutyMonthTotalsModel.replaceOne({ _id: doc._id }, doc, { upsert: true });
}
