import mongoose from 'mongoose';
import type { PostKind, Role } from '../contracts/common';
import type { AssessmentGrade, CreateLawyerBody, LawyerStatus } from '../contracts/lawyers';
import type { Clock } from '../lib/clock';
import { hashPassword } from '../lib/passwords';
import { localDay } from '../lib/local-day';
import { defaultEligibilityPolicy, evaluateEligibility, nextEligibilityFlag, type EligibilityPolicy } from '../modules/lawyers/eligibility';
import { LawyerModel } from '../modules/lawyers/lawyers.model';
import { insertLawyersIfAbsent, type LawyerFields } from '../modules/lawyers/lawyers.repository';
import { newLawyerFields } from '../modules/lawyers/lawyers.service';
import { insertPostsIfAbsent } from '../modules/posts/posts.repository';
import { findUserByUsername, insertUser, savePasswordHash } from '../modules/users/users.repository';
import { requireLocationAtDemoPosts } from './demoCheckinProofs';
import { FIRMS, GIVEN_FEMALE, GIVEN_MALE, NANJING_DISTRICTS, nanjingPosts, SURNAMES } from './nanjing';
import { seededRandom, type Random } from './random';

export const DEMO_SEED = 20230624;
export const DEMO_LAWYER_COUNT = 340;

/** The demo accounts. Passwords are public: this is demo data only. */
export const DEMO_ACCOUNTS: { username: string; password: string; role: Role; displayName: string }[] = [
  { username: 'admin', password: 'zhiban-admin', role: 'admin', displayName: '系统管理员' },
  { username: 'coordinator', password: 'zhiban-coordinator', role: 'coordinator', displayName: '法律援助中心 周老师' },
  { username: 'lawyer', password: 'zhiban-lawyer', role: 'lawyer', displayName: '值班律师' },
  { username: 'hotline', password: 'zhiban-hotline', role: 'hotline', displayName: '12348热线 接线员' },
];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(area: string, birth: string, seq: number, male: boolean): string {
  const s = seq * 2 + (male ? 1 : 0);
  const body = `${area}${birth.replace(/-/g, '')}${String(s % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11];
}

const pad = (n: number) => String(n).padStart(2, '0');
const KINDS_BY_CHANCE: PostKind[] = ['detention_centre', 'procuratorate', 'court', 'fast_track', 'hotline', 'online'];

/** Why some demo lawyers are not eligible: each case is stated in the README of the demo. */
export const INELIGIBLE_CASES = [
  { index: 11, why: 'practice_too_short', status: 'applicant' },
  { index: 57, why: 'practice_too_short', status: 'applicant' },
  { index: 103, why: 'attestation_missing', status: 'applicant' },
  { index: 149, why: 'no_criminal_experience', status: 'applicant' },
  { index: 211, why: 'upheld_complaint', status: 'active' },
  { index: 277, why: 'assessment_below_standard', status: 'active' },
] as const;

function demoLawyer(i: number, rnd: Random, thisYear: number): { body: CreateLawyerBody; status: LawyerStatus; complaint?: boolean } {
  const male = rnd.chance(0.58);
  const surname = rnd.pick([...SURNAMES]);
  const given = male ? GIVEN_MALE : GIVEN_FEMALE;
  const name = surname + rnd.pick([...given]) + (rnd.chance(0.6) ? rnd.pick([...given]) : '');
  const home = rnd.pick(NANJING_DISTRICTS);
  const birthYear = rnd.int(thisYear - 60, thisYear - 30);
  const birth = `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  const licensedYear = Math.min(thisYear - 4, birthYear + rnd.int(24, 32));
  const districts: string[] = [home.name];
  if (rnd.chance(0.4)) districts.push(rnd.pick(NANJING_DISTRICTS).name);
  if (rnd.chance(0.15)) districts.push('市级');
  const postKinds = KINDS_BY_CHANCE.filter((_k, j) => (j < 3 ? rnd.chance(0.75) : rnd.chance(0.25)));
  if (postKinds.length === 0) postKinds.push('detention_centre');
  const assessments: { year: number; grade: AssessmentGrade }[] = [];
  for (let y = Math.max(licensedYear + 1, thisYear - 5); y <= thisYear - 1; y++) {
    const r = rnd.next();
    assessments.push({ year: y, grade: r < 0.3 ? '优秀' : r < 0.85 ? '称职' : '合格' });
  }
  const mobile = `${rnd.pick(['13', '15', '18'])}${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
  const body: CreateLawyerBody = {
    name,
    gender: male ? 'male' : 'female',
    licenceNumber: `13201${licensedYear}${male ? 1 : 2}${String(1_000_000 + i * 37).padStart(7, '0')}`,
    firm: rnd.pick(FIRMS),
    licensedSince: `${licensedYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
    criminalCases: rnd.int(5, 180),
    criminalExperienceNote: null,
    phone: mobile,
    idNumber: idNumber(home.area, birth, i, male),
    photo: null,
    districts: [...new Set(districts)],
    postKinds,
    assessments,
    attestation: { attested: true, attestedBy: `南京市${home.name}司法局`, attestedOn: `${thisYear - 1}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}` },
  };
  let status: LawyerStatus = i >= 320 ? 'applicant' : 'active';
  if (i === 30 || i === 90) status = 'warned';
  if (i === 150) status = 'suspended';
  if (i === 200) status = 'retired';
  let complaint = false;
  const broken = INELIGIBLE_CASES.find((c) => c.index === i);
  if (broken) {
    status = broken.status;
    if (broken.why === 'practice_too_short') body.licensedSince = `${thisYear - 1}-03-01`;
    if (broken.why === 'attestation_missing') body.attestation = { attested: false };
    if (broken.why === 'no_criminal_experience') body.criminalCases = 0;
    if (broken.why === 'upheld_complaint') complaint = true;
    if (broken.why === 'assessment_below_standard') body.assessments = [...assessments.slice(0, -1), { year: thisYear - 1, grade: '基本称职' }];
  }
  return { body, status, complaint };
}

/** Builds the 340 demo dossiers: vetted and active with history, some applicants, six ineligible for stated reasons. */
export function demoLawyers(now: Date, policy: EligibilityPolicy = defaultEligibilityPolicy): LawyerFields[] {
  const rnd = seededRandom(DEMO_SEED);
  const thisYear = Number(localDay(policy.timeZone, now).slice(0, 4));
  const by = { userId: 'seed', username: 'coordinator' };
  const recruited = new Date(Date.UTC(thisYear - 1, 2, 1, 2));
  const out: LawyerFields[] = [];
  for (let i = 0; i < DEMO_LAWYER_COUNT; i++) {
    const { body, status, complaint } = demoLawyer(i, rnd, thisYear);
    const fields = newLawyerFields(body, { now: recruited, policy, by, reason: '南京市值班律师招募报名' }) as LawyerFields & Record<string, unknown>;
    const history = [...(fields.statusHistory as object[])];
    const vetting: object[] = [];
    if (status !== 'applicant') {
      vetting.push({ decision: 'approve', note: '遴选通过', decidedBy: by, decidedAt: recruited, eligibleAtDecision: true });
      history.push({ from: 'applicant', to: 'active', reason: '遴选通过', by, at: recruited });
    }
    if (status === 'warned') history.push({ from: 'active', to: 'warned', reason: '一次警告：值班迟到40分钟', by, at: new Date(Date.UTC(thisYear, 0, 12, 3)) });
    if (status === 'suspended') history.push({ from: 'active', to: 'suspended', reason: '本人申请暂停（病假三个月）', by, at: new Date(Date.UTC(thisYear, 1, 3, 3)) });
    if (status === 'retired') history.push({ from: 'active', to: 'retired', reason: '调离南京，申请退出', by, at: new Date(Date.UTC(thisYear, 2, 20, 3)) });
    const complaints = complaint
      ? [{ _id: new mongoose.Types.ObjectId(), date: `${thisYear}-01-08`, summary: '值班期间擅自离岗，经核查属实', upheld: true, recordedAt: now, recordedBy: by }]
      : [];
    const eligibility = evaluateEligibility({ ...body, attestation: { attested: Boolean(body.attestation?.attested) }, complaints, assessments: body.assessments }, now, policy);
    out.push({
      ...fields,
      status,
      statusHistory: history,
      vetting,
      complaints,
      eligibility: { ...eligibility, evaluatedAt: now },
      eligible: eligibility.eligible,
      eligibilityFlag: nextEligibilityFlag(status, eligibility, null, now),
    } as unknown as LawyerFields);
  }
  return out;
}

export interface SeedSummary {
  posts: number;
  lawyers: number;
  accounts: string[];
}

/**
 * Seeds the Nanjing demo world. Idempotent: posts are keyed by code, lawyers by licence
 * number and accounts by username, so running it again adds only what is missing.
 */
export async function seedDemo(opts: { clock: Clock; reset?: boolean; policy?: EligibilityPolicy }): Promise<SeedSummary> {
  if (opts.reset) await mongoose.connection.db!.dropDatabase();
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  const now = opts.clock.now();
  const posts = await insertPostsIfAbsent(nanjingPosts());
  await requireLocationAtDemoPosts(now);
  const lawyers = await insertLawyersIfAbsent(demoLawyers(now, opts.policy), now);
  const accounts: string[] = [];
  const linked = await LawyerModel.findOne({ status: 'active', eligible: true }).sort({ licenceNumber: 1 }).lean();
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByUsername(a.username)) continue;
    const user = await insertUser({
      username: a.username,
      displayName: a.role === 'lawyer' && linked ? linked.name : a.displayName,
      role: a.role,
      lawyerId: a.role === 'lawyer' && linked ? linked._id.toHexString() : null,
      active: true,
      mustChangePassword: false,
    });
    await savePasswordHash(user.id, await hashPassword(a.password), now);
    accounts.push(a.username);
  }
  return { posts, lawyers: lawyers.length, accounts };
}

export function demoLoginsText(): string {
  return DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(12)} ${a.username} / ${a.password}`).join('\n');
}
