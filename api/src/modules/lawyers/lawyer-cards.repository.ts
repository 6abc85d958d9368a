import { UPDATES_PER_COMMAND } from '../../db/capabilities';
import { LawyerCardModel, type LawyerCardDoc } from './lawyer-cards.model';
import { LawyerModel } from './lawyers.model';

/** A lawyer as lists and public answers name them. */
export interface LawyerCard {
  id: string;
  name: string;
  firm: string;
  licenceNumber: string;
}

type CardSource = { _id: unknown; name: string; firm: string; licenceNumber: string };

const cardOf = (d: LawyerCardDoc): LawyerCard => ({ id: d._id, name: d.name, firm: d.firm, licenceNumber: d.licenceNumber });

/** Writes the cards of lawyers just written (one upsert each, by primary key). */
export async function saveCards(lawyers: CardSource[]): Promise<void> {
  for (let i = 0; i < lawyers.length; i += UPDATES_PER_COMMAND) {
    await LawyerCardModel.bulkWrite(
      lawyers.slice(i, i + UPDATES_PER_COMMAND).map((l) => ({ updateOne: { filter: { _id: String(l._id) }, update: { $set: { name: l.name, firm: l.firm, licenceNumber: l.licenceNumber } }, upsert: true } })),
      { ordered: false },
    );
  }
}

/**
 * Cards of all lawyers, or of some by id (in no particular order). A card missing for an id
 * (a lawyer written before cards existed, or by a path that bypasses the repository) is read from
 * the lawyer and kept.
 */
export async function findLawyerCards(ids?: string[]): Promise<LawyerCard[]> {
  if (!ids) return (await LawyerCardModel.find({}).lean<LawyerCardDoc[]>()).map(cardOf);
  const valid = [...new Set(ids.filter((id) => /^[0-9a-f]{24}$/i.test(id)))];
  const found = (await Promise.all(valid.map((id) => LawyerCardModel.findById(id).lean<LawyerCardDoc>()))).filter((d): d is LawyerCardDoc => d !== null);
  const have = new Set(found.map((d) => d._id));
  const missing = valid.filter((id) => !have.has(id));
  const read = (await Promise.all(missing.map((id) => LawyerModel.findById(id).select({ name: 1, firm: 1, licenceNumber: 1 }).lean<CardSource>()))).filter((d): d is CardSource => d !== null);
  await saveCards(read);
  return [...found.map(cardOf), ...read.map((d) => ({ id: String(d._id), name: d.name, firm: d.firm, licenceNumber: d.licenceNumber }))];
}

/** Rebuilds every card from the lawyers (once at start: a write that stopped half-way leaves none stale). */
export async function rebuildCards(): Promise<number> {
  const lawyers = await LawyerModel.find({}).select({ name: 1, firm: 1, licenceNumber: 1 }).lean<CardSource[]>();
  await saveCards(lawyers);
  return lawyers.length;
}
