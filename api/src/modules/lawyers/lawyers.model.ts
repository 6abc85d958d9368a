import { Schema, model, type InferSchemaType } from 'mongoose';
import { POST_KINDS } from '../../contracts/common';
import { ASSESSMENT_GRADES, GENDERS, LAWYER_STATUSES } from '../../contracts/lawyers';

const actorRef = { userId: { type: String, required: true }, username: { type: String, required: true } };
const reason = new Schema(
  { rule: String, code: String, params: { type: Schema.Types.Mixed, default: {} }, message: { zh: String, en: String } },
  { _id: false, minimize: false },
);

const lawyerSchema = new Schema(
  {
    name: { type: String, required: true },
    gender: { type: String, required: true, enum: GENDERS },
    licenceNumber: { type: String, required: true },
    firm: { type: String, required: true },
    licensedSince: { type: String, required: true },
    criminalCases: { type: Number, required: true, default: 0 },
    criminalExperienceNote: { type: String, default: null },
    phone: { type: String, required: true },
    idNumber: { type: String, required: true },
    photo: { type: String, default: null },
    districts: { type: [String], default: [] },
    postKinds: { type: [{ type: String, enum: POST_KINDS }], default: [] },
    assessments: { type: [new Schema({ year: Number, grade: { type: String, enum: ASSESSMENT_GRADES } }, { _id: false })], default: [] },
    attestation: {
      attested: { type: Boolean, default: false },
      attestedBy: { type: String, default: null },
      attestedOn: { type: String, default: null },
      note: { type: String, default: null },
    },
    complaints: {
      type: [new Schema({ date: String, summary: String, upheld: Boolean, recordedAt: Date, recordedBy: actorRef })],
      default: [],
    },
    status: { type: String, required: true, enum: LAWYER_STATUSES },
    statusHistory: {
      type: [new Schema({ from: { type: String, default: null }, to: String, reason: String, by: actorRef, at: Date }, { _id: false })],
      default: [],
    },
    vetting: {
      type: [new Schema({ decision: String, note: String, decidedBy: actorRef, decidedAt: Date, eligibleAtDecision: Boolean }, { _id: false })],
      default: [],
    },
    eligibility: {
      eligible: { type: Boolean, required: true },
      reasons: { type: [reason], default: [] },
      yearsInPractice: { type: Number, required: true },
      evaluatedAt: { type: Date, required: true },
    },
    /** Stored apart from `eligibility` so lists can filter on it. */
    eligible: { type: Boolean, required: true },
    eligibilityFlag: { type: new Schema({ reasons: [reason], since: Date }, { _id: false }), default: null },
    /** Bumped on every change: writes are conditional on it, so concurrent edits cannot interleave. */
    rev: { type: Number, required: true, default: 0 },
    /** The import batch that created the lawyer, if any. */
    importId: { type: String, default: null },
  },
  { timestamps: true, versionKey: false, minimize: false },
);
lawyerSchema.index({ licenceNumber: 1 }, { unique: true });
lawyerSchema.index({ status: 1, eligible: 1 });
lawyerSchema.index({ name: 1 });

type StoredReason = import('../../contracts/lawyers').EligibilityReason;
export type LawyerDoc = Omit<InferSchemaType<typeof lawyerSchema>, 'eligibility' | 'eligibilityFlag'> & {
  _id: import('mongoose').Types.ObjectId;
  eligibility: { eligible: boolean; reasons: StoredReason[]; yearsInPractice: number; evaluatedAt: Date };
  eligibilityFlag: { reasons: StoredReason[]; since: Date } | null;
};
export const LawyerModel = model('Lawyer', lawyerSchema, 'lawyers');
