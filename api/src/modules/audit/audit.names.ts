import type { AuditEntry } from '../../contracts/audit';

/** Display names for ids (lawyers, posts, users, rotas); ids it does not know are left out. */
export type AuditNames = (ids: string[]) => Promise<Record<string, string>>;

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const MAX_IDS = 400;

/**
 * Every database id an entry mentions: its object, its actor (also as `@<username>`), and ids
 * inside its snapshots, also inside composite keys such as `<rotaId>:<postId>:<day>:<time>:<lawyerId>`.
 */
export function idsMentioned(entries: AuditEntry[]): string[] {
  const out = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (out.size >= MAX_IDS || depth > 4) return;
    if (typeof v === 'string') {
      for (const part of v.split(':')) if (OBJECT_ID.test(part)) out.add(part.toLowerCase());
    } else if (Array.isArray(v)) {
      for (const x of v.slice(0, 50)) visit(x, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const x of Object.values(v)) visit(x, depth + 1);
    }
  };
  for (const e of entries) {
    visit(e.entityId, 0);
    visit(e.actor.userId, 0);
    // Entries written by jobs and the seed carry no account id: their actor is named by username.
    out.add(`@${e.actor.username}`);
    visit(e.before, 0);
    visit(e.after, 0);
  }
  return [...out];
}

/** Names from several lookups (each answering the ids it knows). */
export function namesFrom(lookups: ((ids: string[]) => Promise<{ id: string; name: string }[]>)[]): AuditNames {
  return async (ids) => {
    const names: Record<string, string> = {};
    if (ids.length === 0) return names;
    for (const lookup of lookups) {
      const rest = ids.filter((id) => !(id in names));
      if (rest.length === 0) break;
      for (const { id, name } of await lookup(rest)) names[id] = name;
    }
    return names;
  };
}
