import { Schema, model } from 'mongoose';
import { IMPORT_STATUSES } from '../../contracts/imports';

/** One uploaded sheet: its parsed valid rows wait here until confirmed; progress makes confirming resumable. */
const importSchema = new Schema(
  {
    fileName: { type: String, required: true },
    status: { type: String, required: true, enum: IMPORT_STATUSES },
    createdBy: { userId: String, username: String },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    totalRows: { type: Number, required: true },
    previewRows: { type: Schema.Types.Mixed, default: [] },
    errors: { type: Schema.Types.Mixed, default: [] },
    validBodies: { type: Schema.Types.Mixed, default: [] },
    /** Index of the next valid row to write. */
    progress: { type: Number, required: true, default: 0 },
    created: { type: Number, required: true, default: 0 },
    confirmedAt: { type: Date, default: null },
    appliedAt: { type: Date, default: null },
  },
  { versionKey: false, minimize: false, suppressReservedKeysWarning: true },
);

export const ImportModel = model('Import', importSchema, 'imports');
