import mongoose, { Schema } from 'mongoose';

/** A calendar feed URL: the token in it is the key, so it can be rotated when leaked. */
export interface FeedDoc {
  _id: mongoose.Types.ObjectId;
  subject: 'lawyer' | 'post';
  subjectId: string;
  token: string;
  /** One live feed per subject; rotating replaces the token. */
  subjectKey: string;
}

const schema = new Schema<FeedDoc>({
  subject: { type: String, required: true },
  subjectId: { type: String, required: true },
  token: { type: String, required: true, unique: true },
  subjectKey: { type: String, required: true, unique: true },
});

export const FeedModel = mongoose.model<FeedDoc>('CalendarFeed', schema, 'calendarfeeds');
