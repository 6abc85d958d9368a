import mongoose, { Schema } from 'mongoose';

export interface NotificationDoc {
  _id: mongoose.Types.ObjectId;
  /** The lawyer it is for (lawyer accounts read these); empty for staff notices. */
  lawyerId: string;
  kind: string;
  key: string;
  params: Record<string, string | number>;
  text: string;
  read: boolean;
  /** Makes sending idempotent: a resumed job does not notify twice. */
  dedupeKey: string;
  createdAt: Date;
}

const schema = new Schema<NotificationDoc>(
  {
    lawyerId: { type: String, required: true },
    kind: { type: String, required: true },
    key: { type: String, required: true },
    params: { type: Schema.Types.Mixed, default: {} },
    text: { type: String, required: true },
    read: { type: Boolean, default: false },
    dedupeKey: { type: String, required: true, unique: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);
schema.index({ lawyerId: 1, createdAt: -1 });

export const NotificationModel = mongoose.model<NotificationDoc>('Notification', schema, 'notifications');
