import mongoose, { Schema } from 'mongoose';

/** Staff corrections to the shipped calendar; one document. A null name clears a shipped day. */
export interface CalendarOverridesDoc {
  _id: string;
  holidays: Record<string, string | null>;
  makeUpDays: Record<string, string | null>;
  revision: number;
}

const schema = new Schema<CalendarOverridesDoc>(
  {
    _id: { type: String, required: true },
    holidays: { type: Schema.Types.Mixed, default: {} },
    makeUpDays: { type: Schema.Types.Mixed, default: {} },
    revision: { type: Number, default: 0 },
  },
  { minimize: false, timestamps: true },
);

export const CalendarOverridesModel = mongoose.model<CalendarOverridesDoc>('CalendarOverrides', schema, 'calendaroverrides');
export const OVERRIDES_ID = 'overrides';
