import mongoose, { Schema } from 'mongoose';

export interface PatternFields {
  _id: mongoose.Types.ObjectId;
  label: string;
  rrule: string;
  dtstart: string;
  start: string;
  end: string;
  exdates: string[];
  rdates: string[];
  lawyersNeeded: number | null;
}

/** All shift patterns of one post in one document, so a save replaces them atomically. */
export interface PostPatternsDoc {
  _id: mongoose.Types.ObjectId;
  postId: string;
  patterns: PatternFields[];
  revision: number;
}

const patternSchema = new Schema<PatternFields>({
  label: { type: String, required: true },
  rrule: { type: String, required: true },
  dtstart: { type: String, required: true },
  start: { type: String, required: true },
  end: { type: String, required: true },
  exdates: { type: [String], default: [] },
  rdates: { type: [String], default: [] },
  lawyersNeeded: { type: Number, default: null },
});

const postPatternsSchema = new Schema<PostPatternsDoc>(
  {
    postId: { type: String, required: true, unique: true },
    patterns: { type: [patternSchema], default: [] },
    revision: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);

export const PostPatternsModel = mongoose.model<PostPatternsDoc>('PostPatterns', postPatternsSchema, 'shiftpatterns');
