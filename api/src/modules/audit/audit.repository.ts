import type { AuditEntry, AuditQuery } from '../../contracts/audit';
import type { Paginated } from '../../contracts/common';
import { toPlain } from '../../lib/plain';
import { AuditModel } from './audit.model';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at: Date };

export async function insertAuditEntries(entries: NewAuditEntry[]): Promise<void> {
  if (entries.length > 0) await AuditModel.insertMany(entries, { ordered: true });
}

function toDate(s: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
}

export async function findAuditEntries(q: AuditQuery): Promise<Paginated<AuditEntry>> {
  const filter: Record<string, unknown> = {};
  if (q.actorId) filter['actor.userId'] = q.actorId;
  if (q.entityType) filter.entityType = q.entityType;
  if (q.entityId) filter.entityId = q.entityId;
  if (q.action) filter.action = q.action;
  if (q.from || q.to) {
    const at: Record<string, Date> = {};
    if (q.from) at.$gte = toDate(q.from);
    if (q.to) at.$lt = toDate(q.to);
    filter.at = at;
  }
  const [docs, total] = await Promise.all([
    AuditModel.find(filter).sort({ at: -1, _id: -1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
    AuditModel.countDocuments(filter),
  ]);
  const items = docs.map((d) => {
    const p = toPlain(d);
    return { ...p, at: d.at.toISOString() } as unknown as AuditEntry;
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}
