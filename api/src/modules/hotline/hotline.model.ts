import mongoose, { Schema } from 'mongoose';

/** A logged hotline call: who called about which duty, and what became of it. */
export interface HotlineCallDoc {
  _id: mongoose.Types.ObjectId;
  at: Date;
  operator: string;
  kind: 'praise' | 'complaint' | 'enquiry';
  callerName: string | null;
  callerPhone: string | null;
  text: string;
  postId: string;
  dutyAt: Date;
  licenceNo: string;
  trackingCode: string | null;
}

const schema = new Schema<HotlineCallDoc>(
  {
    at: { type: Date, required: true },
    operator: { type: String, required: true },
    kind: { type: String, required: true },
    callerName: { type: String, default: null },
    callerPhone: { type: String, default: null },
    text: { type: String, required: true },
    postId: { type: String, required: true },
    dutyAt: { type: Date, required: true },
    licenceNo: { type: String, required: true },
    trackingCode: { type: String, default: null },
  },
  { versionKey: false },
);

export const HotlineCallModel = mongoose.model<HotlineCallDoc>('HotlineCall', schema, 'hotline_calls');

