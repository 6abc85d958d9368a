import mongoose, { Schema } from 'mongoose';
import type { RotaStatus } from '../../contracts/rotas';

export interface SlotFields {
  id: string;
  postId: string;
  day: string;
  localStart: string;
  localEnd: string;
  start: Date;
  end: Date;
  lawyersNeeded: number;
  holiday: boolean;
  makeUpDay: boolean;
  weekendOrHoliday: boolean;
  early: boolean;
  late: boolean;
  lawyerIds: string[];
  pinnedLawyerIds: string[];
}

/** A rota being drafted or already published; its slots are embedded so each edit is one atomic update. */
export interface RotaDoc {
  _id: mongoose.Types.ObjectId;
  name: string;
  from: string;
  to: string;
  postIds: string[];
  status: RotaStatus;
  /** Bumped by every change; edits must name the revision they started from. */
  revision: number;
  seed: number;
  slots: SlotFields[];
  explanations: unknown;
  figures: unknown;
  publishedVersion: number | null;
  planningJobId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const slotSchema = new Schema<SlotFields>(
  {
    id: { type: String, required: true },
    postId: { type: String, required: true },
    day: { type: String, required: true },
    localStart: { type: String, required: true },
    localEnd: { type: String, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    lawyersNeeded: { type: Number, required: true },
    holiday: { type: Boolean, default: false },
    makeUpDay: { type: Boolean, default: false },
    weekendOrHoliday: { type: Boolean, default: false },
    early: { type: Boolean, default: false },
    late: { type: Boolean, default: false },
    lawyerIds: { type: [String], default: [] },
    pinnedLawyerIds: { type: [String], default: [] },
  },
  { _id: false },
);

const rotaSchema = new Schema<RotaDoc>(
  {
    name: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    postIds: { type: [String], required: true },
    status: { type: String, required: true },
    revision: { type: Number, required: true, default: 0 },
    seed: { type: Number, required: true },
    slots: { type: [slotSchema], default: [] },
    explanations: { type: Schema.Types.Mixed, default: null },
    figures: { type: Schema.Types.Mixed, default: null },
    publishedVersion: { type: Number, default: null },
    planningJobId: { type: String, default: null },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, minimize: false },
);
rotaSchema.index({ status: 1, from: 1 });

export const RotaModel = mongoose.model<RotaDoc>('Rota', rotaSchema, 'rotas');

/** A published version: an immutable snapshot, written whole before it becomes current. */
export interface RotaVersionDoc {
  /** `${rotaId}:${version}`: readers fetch a version by primary key. */
  _id: string;
  rotaId: string;
  version: number;
  slots: SlotFields[];
  publishedAt: Date;
  publishedBy: string;
  reason: string | null;
  changes: { slotId: string; removed: string[]; added: string[] }[];
}

const versionSchema = new Schema<RotaVersionDoc>({
  _id: { type: String, required: true },
  rotaId: { type: String, required: true },
  version: { type: Number, required: true },
  slots: { type: [slotSchema], default: [] },
  publishedAt: { type: Date, required: true },
  publishedBy: { type: String, required: true },
  reason: { type: String, default: null },
  changes: { type: Schema.Types.Mixed, default: [] },
});
versionSchema.index({ rotaId: 1, version: 1 }, { unique: true });

export const RotaVersionModel = mongoose.model<RotaVersionDoc>('RotaVersion', versionSchema, 'rotaversions');
export const versionKey = (rotaId: string, version: number) => `${rotaId}:${version}`;

/**
 * Which version of a rota is current. A small document per rota, switched by one
 * conditional update: readers see the old version or the new one, never a mix.
 */
export interface PublicationDoc {
  _id: string;
  version: number;
  from: string;
  to: string;
}

const publicationSchema = new Schema<PublicationDoc>({
  _id: { type: String, required: true },
  version: { type: Number, required: true },
  from: { type: String, required: true },
  to: { type: String, required: true },
});

export const PublicationModel = mongoose.model<PublicationDoc>('Publication', publicationSchema, 'publications');
