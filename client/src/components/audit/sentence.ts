import type { AuditEntry } from '@/api/audit';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Names = Record<string, string>;

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const snapshot = (e: AuditEntry): Record<string, unknown> => ((e.after ?? e.before ?? {}) as Record<string, unknown>) ?? {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A value as a reader wants it: ids become names, instants Beijing time, composite keys their parts. */
export function readable(value: string, names: Names, dateTime: (iso: string) => string): string {
  if (INSTANT.test(value)) return dateTime(value);
  if (!value.includes(':') && !OBJECT_ID.test(value)) return value;
  const parts = value.split(':').map((p) => (OBJECT_ID.test(p) ? (names[p.toLowerCase()] ?? p.slice(-6)) : p));
  return parts.join(' ');
}

/** What the entry is about, named: “张三”, “2027-01 值班表”, “张三 2027-01-04–2027-01-06”. */
export function objectOf(e: AuditEntry, names: Names, t: Translate): string {
  const s = snapshot(e);
  const name = (id: unknown) => (typeof id === 'string' && id ? (names[id.toLowerCase()] ?? t('audit.unknownObject')) : '');
  switch (e.entityType) {
    case 'absence':
      return [name(s.lawyerId), s.from && s.to ? `${str(s.from)}–${str(s.to)}` : ''].filter(Boolean).join(' ');
    case 'swap':
      return [[name(s.requesterId), name(s.partnerLawyerId)].filter(Boolean).join(' → '), str(s.day)].filter(Boolean).join(' ');
    case 'calendar':
      return str(s.day) || e.entityId;
    case 'import':
      return str(s.fileName) || e.entityId.slice(-6);
    case 'checkin': {
      // <rotaId>:<postId>:<day>:<hhmm>:<lawyerId>
      const parts = e.entityId.split(':');
      const lawyer = parts.find((p, i) => i > 0 && OBJECT_ID.test(p) && names[p.toLowerCase()] && i === parts.length - 1);
      const post = parts.slice(1, -1).find((p) => OBJECT_ID.test(p));
      const day = parts.find((p) => /^\d{4}-\d{2}-\d{2}$/.test(p)) ?? '';
      return [name(lawyer), name(post), day].filter(Boolean).join(' ');
    }
    default:
      return names[e.entityId.toLowerCase()] ?? (OBJECT_ID.test(e.entityId) ? t('audit.unknownObject') : e.entityId);
  }
}

/** Who did it: the account's name (by id, or by username for entries written by the seed or a job). */
export function actorName(e: AuditEntry, names: Names): string {
  return names[e.actor.userId] ?? names[`@${e.actor.username}`] ?? e.actor.username;
}

/** The entry as one sentence: “周老师 发布排班：2027-01 值班表”. */
export function sentenceOf(e: AuditEntry, names: Names, t: Translate, te: (key: string) => boolean): string {
  const actor = actorName(e, names);
  const action = te(`audit.actions.${e.action}`) ? t(`audit.actions.${e.action}`) : t('audit.otherAction');
  const object = objectOf(e, names, t);
  return object ? t('audit.sentence', { actor, action, object }) : t('audit.sentenceNoObject', { actor, action });
}
