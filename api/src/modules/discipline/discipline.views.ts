import type { TimelineEntry, Violation } from '../../contracts/discipline';
import type { StatusChange } from '../../contracts/lawyers';
import type { ViolationDoc } from './discipline.repository';

export const TYPE_ZH: Record<ViolationDoc['type'], string> = {
  absent: '缺岗',
  late: '迟到',
  left_early: '早退',
  missing_record: '未填值班记录',
  complaint_upheld: '有效投诉',
  misconduct: '敷衍了事/不负责任',
  other: '其他违规',
};

const iso = (d: Date | string) => new Date(d).toISOString();

export function violationView(d: ViolationDoc, lawyerName: string): Violation {
  return {
    id: d._id,
    lawyerId: d.lawyerId,
    lawyerName,
    type: d.type,
    state: d.state,
    sourceKey: d.sourceKey,
    ...(d.dutyKey ? { dutyKey: d.dutyKey } : {}),
    ...(d.duty ? { duty: d.duty } : {}),
    occurredAt: iso(d.occurredAt),
    description: d.description,
    evidence: d.evidence as unknown as Violation['evidence'],
    replyDeadline: iso(d.replyDeadline),
    ...(d.reply ? { reply: { text: d.reply.text, at: iso(d.reply.at) } } : {}),
    ...(d.decision ? { decision: { ...d.decision, by: { userId: d.decision.by.userId, username: d.decision.by.username }, at: iso(d.decision.at), beforeReplyDeadline: Boolean(d.decision.beforeReplyDeadline) } } : {}),
    reversals: d.reversals.map((r) => ({ from: r.from, reason: r.reason, by: { userId: r.by.userId, username: r.by.username }, at: iso(r.at) })),
    seenBy: d.seenBy,
    createdAt: iso(d.createdAt),
  };
}

/** The dossier's discipline timeline, newest first: violations, decisions, reversals and status changes. */
export function buildTimeline(violations: ViolationDoc[], history: StatusChange[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const v of violations) {
    out.push({ at: iso(v.occurredAt), kind: 'violation', violationId: v._id, type: v.type, text: v.description });
    if (v.decision) out.push({ at: iso(v.decision.at), kind: 'decision', violationId: v._id, type: v.type, outcome: v.decision.outcome, text: v.decision.reason });
    for (const r of v.reversals) out.push({ at: iso(r.at), kind: 'reversal', violationId: v._id, type: v.type, outcome: r.from, text: r.reason });
  }
  for (const h of history) {
    if (h.to === 'warned') out.push({ at: iso(h.at), kind: 'warning', text: h.reason });
    else if (h.to === 'removed') out.push({ at: iso(h.at), kind: 'removal', text: h.reason });
    else if (h.from === 'removed' || (h.from === 'warned' && h.to === 'active')) out.push({ at: iso(h.at), kind: 'reinstatement', outcome: h.to, text: h.reason });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}
