import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { CHANNELS, POST_KINDS } from '../../contracts/common';

const postSchema = new Schema(
  {
    kind: { type: String, required: true, enum: POST_KINDS },
    name: { type: String, required: true },
    code: { type: String, required: true },
    district: { type: String, required: true },
    address: { type: String, required: true },
    location: { type: new Schema({ lat: Number, lng: Number }, { _id: false }), default: null },
    geofenceRadiusM: { type: Number, required: true },
    timeZone: { type: String, required: true },
    openingHours: { type: [new Schema({ days: [Number], start: String, end: String }, { _id: false })], default: [] },
    lawyersPerShift: { type: Number, required: true },
    channel: { type: String, required: true, enum: CHANNELS },
    opensOnHolidays: { type: Boolean, required: true },
    opensOnMakeUpDays: { type: Boolean, required: true },
    active: { type: Boolean, required: true, default: true },
  },
  { timestamps: true, versionKey: false },
);
postSchema.index({ code: 1 }, { unique: true });
postSchema.index({ active: 1, kind: 1, district: 1 });

export type PostDoc = InferSchemaType<typeof postSchema> & { _id: Types.ObjectId };
export const PostModel = model('Post', postSchema, 'posts');
