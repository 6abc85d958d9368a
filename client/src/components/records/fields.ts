import type { RecordKind } from '@/api/records';

export type FieldType = 'text' | 'textarea' | 'channel' | 'relation' | 'bool' | 'datetime' | 'fastTrack';

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
}

const f = (name: string, type: FieldType, required = true): FieldSpec => ({ name, type, required });

/** The fields of each record kind, in the order a lawyer fills them in at the gate. */
export const RECORD_FIELDS: Record<RecordKind, FieldSpec[]> = {
  consultation: [f('personName', 'text'), f('relation', 'relation'), f('caseType', 'text'), f('question', 'textarea'), f('advice', 'textarea'), f('channel', 'channel'), f('caseNumber', 'text', false)],
  rights_notice: [f('personName', 'text'), f('note', 'textarea', false), f('caseNumber', 'text', false)],
  aid_application: [f('applicantName', 'text'), f('receivedAt', 'datetime'), f('forwardTo', 'text', false), f('caseNumber', 'text', false)],
  plea_witness: [f('caseNumber', 'text'), f('personName', 'text'), f('charge', 'text'), f('sentencingProposal', 'textarea'), f('objected', 'bool'), f('opinion', 'textarea')],
  meeting: [f('personName', 'text'), f('channel', 'channel'), f('note', 'textarea', false), f('caseNumber', 'text', false)],
  file_reading: [f('caseNumber', 'text'), f('fastTrackCaseId', 'fastTrack', false), f('note', 'textarea', false)],
  legal_opinion: [f('caseNumber', 'text'), f('fastTrackCaseId', 'fastTrack', false), f('summary', 'textarea')],
};

/** Prefilled values, so the common case is a few taps. */
export function defaultsFor(kind: RecordKind): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of RECORD_FIELDS[kind]) {
    if (spec.type === 'channel') out[spec.name] = 'on_site';
    else if (spec.type === 'relation') out[spec.name] = 'suspect';
    else if (spec.type === 'bool') out[spec.name] = false;
    else if (spec.type === 'datetime') out[spec.name] = new Date().toISOString();
    else out[spec.name] = '';
  }
  return out;
}

/** What is sent: empty optional fields left out. */
export function cleanData(kind: RecordKind, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of RECORD_FIELDS[kind]) {
    const v = data[spec.name];
    if (typeof v === 'string' && v.trim() === '' && !spec.required) continue;
    out[spec.name] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export function missingFields(kind: RecordKind, data: Record<string, unknown>): string[] {
  return RECORD_FIELDS[kind].filter((s) => s.required && (data[s.name] === undefined || (typeof data[s.name] === 'string' && String(data[s.name]).trim() === ''))).map((s) => s.name);
}
