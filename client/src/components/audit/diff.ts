export interface FieldChange {
  path: string;
  before: string;
  after: string;
}

const SKIP = new Set(['updatedAt', 'createdAt', '__v', '_id']);

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!SKIP.has(k)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
    return;
  }
  if (prefix) out.set(prefix, value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
}

/** The fields that differ between two snapshots, as dotted paths (arrays compared whole). */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => ({ path: p, before: a.get(p) ?? '', after: b.get(p) ?? '' }));
}
