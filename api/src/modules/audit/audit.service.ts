import type { AuditEntityType, AuditPage, AuditQuery } from '../../contracts/audit';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { findAuditEntries, insertAuditEntries } from './audit.repository';
import { idsMentioned, type AuditNames } from './audit.names';

export interface AuditRecord {
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

const SECRET_KEYS = new Set(['hash', 'passwordHash', 'password', 'temporaryPassword', 'newPassword', 'currentPassword', 'tokenHash']);

/** Deep copy without secrets; dates become ISO strings so entries read the same everywhere. */
export function redact(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return (value as { toHexString(): string }).toHexString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEYS.has(k)) continue;
    out[k] = redact(v);
  }
  return out;
}

export interface AuditService {
  record(actor: Actor, entry: AuditRecord): Promise<void>;
  recordMany(actor: Actor, entries: AuditRecord[]): Promise<void>;
  list(query: AuditQuery): Promise<AuditPage>;
}

/** Other areas call this after a change has been written. */
export function createAuditService(clock: Clock, names: AuditNames = async () => ({})): AuditService {
  const toEntry = (actor: Actor, e: AuditRecord) => ({
    at: clock.now(),
    actor: { userId: actor.userId, username: actor.username, role: actor.role },
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: redact(e.before),
    after: redact(e.after),
    requestId: actor.requestId,
    note: e.note ?? null,
  });
  return {
    record: (actor, entry) => insertAuditEntries([toEntry(actor, entry)]),
    recordMany: (actor, entries) => insertAuditEntries(entries.map((e) => toEntry(actor, e))),
    async list(query) {
      const page = await findAuditEntries(query);
      return { ...page, names: await names(idsMentioned(page.items)) };
    },
  };
}
