import mongoose, { Schema } from 'mongoose';

/**
 * What duty lists, the live board, the hotline desk and the public lookup show of a lawyer:
 * name, firm and licence number (`_id` = the lawyer's id). A small copy of those fields, kept
 * with every write of a lawyer and rebuilt at start: a lawyer's own document carries the whole
 * dossier, and on FerretDB reading all of them decodes every dossier (see db/partitions.ts).
 */
export interface LawyerCardDoc {
  _id: string;
  name: string;
  firm: string;
  licenceNumber: string;
}

const cardSchema = new Schema<LawyerCardDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    firm: { type: String, required: true },
    licenceNumber: { type: String, required: true },
  },
  { versionKey: false },
);

export const LawyerCardModel = mongoose.model<LawyerCardDoc>('LawyerCard', cardSchema, 'lawyer_cards');
