import mongoose, { Schema } from 'mongoose';
import type { AttendanceEventType } from '../../contracts/checkins';

export interface AttendanceEventDoc {
  _id: mongoose.Types.ObjectId;
  /** `<dutyKey>:<type>`: one event per duty and type, however often the rules run. */
  key: string;
  type: AttendanceEventType;
  dutyKey: string;
  lawyerId: string;
  postId: string;
  rotaId: string;
  slotId: string;
  day: string;
  at: Date;
  minutes: number;
  createdAt: Date;
}

const schema = new Schema<AttendanceEventDoc>(
  {
    key: { type: String, required: true, unique: true },
    type: { type: String, required: true, enum: ['late', 'absent', 'left_early'] },
    dutyKey: { type: String, required: true },
    lawyerId: { type: String, required: true },
    postId: { type: String, required: true },
    rotaId: { type: String, required: true },
    slotId: { type: String, required: true },
    day: { type: String, required: true },
    at: { type: Date, required: true },
    minutes: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ day: 1, lawyerId: 1 });

export const AttendanceEventModel = mongoose.model<AttendanceEventDoc>('AttendanceEvent', schema, 'attendance_events');
