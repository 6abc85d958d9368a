import type { Channel } from '../contracts/common';
import type { RecordKind } from '../contracts/records';
import type { Duty } from '../contracts/rotas';
import type { Clock } from '../lib/clock';
import { dutyKeyOf } from '../modules/attendance/attendance.service';
import type { Post } from '../contracts/posts';
import { countCase, countDeadline, countRecord } from '../modules/records/records.counters';
import type { DeadlineDoc, DutyRecordDoc, FastTrackCaseDoc } from '../modules/records/records.model';
import { completeDeadline, findRecord, insertCase, insertDeadline, insertRecord, keyedId, markMissed, setCaseFields, setRecordFields } from '../modules/records/records.repository';
import { AID_FORWARD_MS } from '../modules/records/records.service';
import { FAST_TRACK_DAYS } from '../modules/records/fasttrack.service';
import { addDays, dayOf, today } from '../modules/records/records.time';
import type { Services } from '../modules/services';
import { seededRandom, type Random } from './random';
import { SURNAMES } from './nanjing';

const CHARGES = ['危险驾驶罪', '盗窃罪', '诈骗罪', '帮助信息网络犯罪活动罪', '故意伤害罪', '寻衅滋事罪', '开设赌场罪', '掩饰、隐瞒犯罪所得罪', '交通肇事罪', '非法拘禁罪'];
const QUESTIONS = [
  ['取保候审', '家属询问能否申请取保候审及需要准备的材料', '告知取保候审的法定条件、保证人与保证金要求，指导提出申请'],
  ['认罪认罚', '询问认罪认罚后量刑能减轻多少', '解释认罪认罚从宽制度及量刑建议的形成过程，提示自愿性'],
  ['程序选择', '询问速裁程序和普通程序的区别', '说明速裁、简易、普通程序的适用条件与审理期限'],
  ['羁押必要性', '询问能否申请羁押必要性审查', '告知可向检察院申请羁押必要性审查，协助整理材料'],
  ['法律援助', '家庭经济困难，询问能否申请法律援助', '告知法律援助申请条件，协助填写申请表并转交'],
  ['赔偿谅解', '询问与被害人达成谅解对案件的影响', '说明赔偿谅解对量刑的影响及签署谅解书的注意事项'],
] as const;
const RELATIONS = ['suspect', 'relative', 'relative', 'suspect', 'other'] as const;
const CHANNELS: Channel[] = ['on_site', 'on_site', 'on_site', 'phone', 'video'];
const PROCURATORATE_PREFIX: Record<string, string> = { '玄武区': '玄', '秦淮区': '秦', '建邺区': '建', '鼓楼区': '鼓', '浦口区': '浦', '栖霞区': '栖', '雨花台区': '雨', '江宁区': '宁', '六合区': '六', '溧水区': '溧', '高淳区': '高', '市级': '宁' };

const personName = (r: Random) => `${r.pick([...SURNAMES])}某`;
const at = (duty: Duty, minutes: number) => new Date(new Date(duty.start).getTime() + minutes * 60_000);

export interface DemoRecordsSummary {
  dutiesWithCheckin: number;
  records: number;
  fastTrackCases: number;
}

/**
 * Records for every past duty that has a check-in (whatever demo history the database holds):
 * consultations at every post, meetings at detention centres, plea statements at procuratorates,
 * courts and the fast-track centre, some aid applications with their 24-hour clock, and
 * fast-track cases with file reading and opinions, mostly on time. Idempotent: each record's id
 * comes from its duty, so running again adds nothing. Without past check-ins it adds nothing.
 */
export async function seedDemoRecords(services: Services, clock: Clock): Promise<DemoRecordsSummary> {
  const now = clock.now();
  const t = today(now);
  const duties = (await services.rotas.duties({ from: addDays(t, -120), to: t })).filter((d) => new Date(d.end) < now);
  const posts = new Map((await services.posts.list({ active: 'all' })).map((p: Post) => [p.id, p]));
  const summary: DemoRecordsSummary = { dutiesWithCheckin: 0, records: 0, fastTrackCases: 0 };
  for (let i = 0; i < duties.length; i += 500) {
    for (const a of await services.checkins.attendanceOf(duties.slice(i, i + 500), now)) {
      if (!a.inAt) continue;
      summary.dutiesWithCheckin++;
      const post = posts.get(a.duty.postId);
      if (!post) continue;
      const made = await recordsForDuty(a.duty, post, now);
      summary.records += made.records;
      summary.fastTrackCases += made.cases;
    }
  }
  return summary;
}

async function recordsForDuty(duty: Duty, post: Post, now: Date): Promise<{ records: number; cases: number }> {
  const dutyKey = dutyKeyOf(duty);
  const r = seededRandom([...dutyKey].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
  // A few duties stay without a record: the missing-record path has something to show.
  if (r.chance(0.04)) return { records: 0, cases: 0 };
  const prefix = PROCURATORATE_PREFIX[post.district] ?? '宁';
  const year = duty.day.slice(0, 4);
  const caseNo = () => `${prefix}检刑诉〔${year}〕${r.int(100, 2999)}号`;
  let n = 0;
  let made = 0;
  let cases = 0;
  let minute = 15;
  async function add(kind: RecordKind, title: string, data: Record<string, unknown>, caseNumber: string | null): Promise<DutyRecordDoc> {
    // Every random draw happens whether or not the record exists, so a second run walks the same path.
    const id = keyedId(duty.lawyerId, `demo-${dutyKey}-${n++}`);
    minute += r.int(10, 35);
    const existing = await findRecord(id);
    if (existing) return existing;
    const doc: DutyRecordDoc = {
      _id: id,
      kind,
      dutyKey,
      lawyerId: duty.lawyerId,
      postId: duty.postId,
      rotaId: duty.rotaId,
      slotId: duty.slotId,
      day: duty.day,
      month: duty.day.slice(0, 7),
      year: Number(year),
      createdAt: at(duty, minute),
      createdBy: 'seed',
      title,
      caseNumber,
      data,
      document: null,
      counted: false,
    };
    if (!(await insertRecord(doc))) return (await findRecord(id))!;
    await countRecord(doc);
    made++;
    return doc;
  }

  for (let k = r.int(1, 3); k > 0; k--) {
    const [caseType, question, advice] = r.pick(QUESTIONS);
    await add('consultation', `${caseType}：${question.slice(0, 40)}`, { personName: personName(r), relation: r.pick(RELATIONS), caseType, question, advice, channel: post.channel === 'on_site' ? r.pick(CHANNELS) : post.channel }, null);
  }
  if (r.chance(0.5)) await add('rights_notice', 'rights_notice', { personName: personName(r), note: '告知诉讼权利义务及认罪认罚从宽制度' }, null);
  if (post.kind === 'detention_centre') {
    for (let k = r.int(0, 2); k > 0; k--) await add('meeting', 'meeting', { personName: personName(r), channel: r.pick(CHANNELS), note: '会见犯罪嫌疑人，了解案情并提供法律帮助' }, null);
  }
  if (post.kind === 'procuratorate' || post.kind === 'fast_track' || post.kind === 'court') {
    for (let k = r.int(0, post.kind === 'fast_track' ? 4 : 2); k > 0; k--) {
      const c = caseNo();
      const charge = r.pick(CHARGES);
      await add('plea_witness', `${c} ${charge}`, { caseNumber: c, personName: personName(r), charge, sentencingProposal: `有期徒刑${r.int(6, 24)}个月${r.chance(0.5) ? '，适用缓刑' : ''}`, objected: r.chance(0.05), opinion: '量刑建议适当，具结自愿、合法' }, c);
    }
  }
  if (r.chance(0.1)) {
    const receivedAt = at(duty, 40);
    const rec = await add('aid_application', '法律援助申请', { applicantName: personName(r), receivedAt: receivedAt.toISOString(), forwardTo: `${post.district}法律援助中心` }, null);
    const late = r.chance(0.1);
    const done = new Date(receivedAt.getTime() + (late ? 30 : r.int(2, 20)) * 3_600_000);
    await clockFor(`rec:${rec._id}:aid_forward`, 'aid_forward', duty, '法律援助申请', receivedAt, new Date(receivedAt.getTime() + AID_FORWARD_MS), done, now);
    if (done <= now) await setRecordFields(rec._id, { data: { ...rec.data, forwardedAt: done.toISOString() } });
  }
  if ((post.kind === 'fast_track' || post.kind === 'procuratorate') && r.chance(0.35)) {
    const c = caseNo();
    const procedure = r.chance(0.7) ? 'su_cai' : 'jian_yi';
    const receivedAt = at(duty, 20);
    const id = keyedId('seed', `demo-case-${dutyKey}`);
    const caseDoc: FastTrackCaseDoc = {
      _id: id,
      lawyerId: duty.lawyerId,
      postId: duty.postId,
      dutyKey,
      letterNumber: `${prefix}检援建〔${year}〕${r.int(1, 400)}号`,
      procuratorate: post.name,
      caseNumber: c,
      suspectName: personName(r),
      charge: r.pick(CHARGES),
      procedure,
      receivedAt,
      day: dayOf(receivedAt),
      month: dayOf(receivedAt).slice(0, 7),
      open: true,
      createdAt: receivedAt,
      createdBy: 'seed',
      counted: false,
    };
    if (await insertCase(caseDoc)) {
      cases++;
      await countCase(caseDoc);
      const days = FAST_TRACK_DAYS[procedure].fileRead;
      const due = new Date(receivedAt.getTime() + days * 86_400_000);
      const readAt = new Date(receivedAt.getTime() + r.int(4, days * 24 - 2) * 3_600_000);
      const late = r.chance(0.08);
      const opinionAt = new Date(late ? due.getTime() + 20 * 3_600_000 : readAt.getTime() + 3 * 3_600_000);
      await clockFor(`ft:${id}:file_read`, 'file_read', duty, `${c}`, receivedAt, due, readAt, now);
      await clockFor(`ft:${id}:opinion`, 'opinion', duty, `${c}`, receivedAt, due, opinionAt, now);
      if (opinionAt <= now && readAt <= now) await setCaseFields(id, { open: false });
    }
  }
  return { records: made, cases };
}

/** A clock as it would stand today: done (met or late) when its time has come, else still open. */
async function clockFor(id: string, kind: DeadlineDoc['kind'], duty: Duty, subject: string, startedAt: Date, dueAt: Date, doneAt: Date, now: Date): Promise<void> {
  await insertDeadline({ _id: id, kind, lawyerId: duty.lawyerId, postId: duty.postId, subject, startedAt, dueAt, doneAt: null, outcome: null, open: true, remindedSoonAt: null, remindedOverdueAt: null });
  if (dueAt < now && doneAt > dueAt && (await markMissed(id))) await countDeadline({ dueAt, postId: duty.postId, lawyerId: duty.lawyerId }, 'missed');
  if (doneAt <= now) {
    const res = await completeDeadline(id, doneAt);
    if (res.met) await countDeadline({ dueAt, postId: duty.postId, lawyerId: duty.lawyerId }, 'met');
  }
}
