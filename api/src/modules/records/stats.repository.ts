import { DutyDaySheetModel, DutyMonthTotalsModel, type DutyDaySheetDoc, type DutyMonthTotalsDoc } from './records.model';

export async function findSheets(days: string[]): Promise<Map<string, DutyDaySheetDoc>> {
  const out = new Map<string, DutyDaySheetDoc>();
  for (let i = 0; i < days.length; i += 50) {
    const docs = await Promise.all(days.slice(i, i + 50).map((d) => DutyDaySheetModel.findById(d).lean<DutyDaySheetDoc>()));
    for (const d of docs) if (d) out.set(d._id, d);
  }
  return out;
}

export async function saveSheets(docs: DutyDaySheetDoc[]): Promise<void> {
  for (const d of docs) await DutyDaySheetModel.replaceOne({ _id: d._id }, d, { upsert: true });
}

export const findMonthTotals = (month: string) => DutyMonthTotalsModel.findById(month).lean<DutyMonthTotalsDoc>();

export async function saveMonthTotals(doc: DutyMonthTotalsDoc): Promise<void> {
  await DutyMonthTotalsModel.replaceOne({ _id: doc._id }, doc, { upsert: true });
}
