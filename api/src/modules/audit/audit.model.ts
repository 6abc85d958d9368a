import { Schema, model } from 'mongoose';

const auditSchema = new Schema(
  {
    at: { type: Date, required: true },
    actor: {
      userId: { type: String, required: true },
      username: { type: String, required: true },
      role: { type: String, required: true },
    },
    action: { type: String, required: true },
    entityType: { type: String, required: true },
    entityId: { type: String, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    requestId: { type: String, default: null },
    note: { type: String, default: null },
  },
  { versionKey: false, minimize: false },
);
auditSchema.index({ at: -1 });
auditSchema.index({ entityType: 1, entityId: 1, at: -1 });
auditSchema.index({ 'actor.userId': 1, at: -1 });

export const AuditModel = model('Audit', auditSchema, 'audit');
