import type { AssessmentGrade, Eligibility, EligibilityReason, LawyerStatus } from '../../contracts/lawyers';
import { localDay } from '../../lib/local-day';

/** The vetting rules' settings (DOMAIN.md: 执业满3年, 年度考核称职以上 — some places accept 合格). */
export interface EligibilityPolicy {
  minYearsInPractice: number;
  minCriminalCases: number;
  passingGrades: readonly AssessmentGrade[];
  /** Require an assessment for the last completed year (the year before `now`). */
  requireLatestAssessment: boolean;
  /** The zone in which "today" is read when counting years. */
  timeZone: string;
}

export const defaultEligibilityPolicy: EligibilityPolicy = {
  minYearsInPractice: 3,
  minCriminalCases: 1,
  passingGrades: ['优秀', '称职', '合格'],
  requireLatestAssessment: true,
  timeZone: 'Asia/Shanghai',
};

export interface EligibilityFacts {
  licensedSince: string;
  criminalCases: number;
  attestation: { attested: boolean };
  complaints: readonly { upheld: boolean; date: string }[];
  assessments: readonly { year: number; grade: AssessmentGrade }[];
}

export interface RuleContext {
  today: string;
  policy: EligibilityPolicy;
}


/** Whole years from `since` to `today` (both YYYY-MM-DD). */
export function fullYearsBetween(since: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(since.slice(0, 4));
  return Math.max(0, today.slice(5) < since.slice(5) ? years - 1 : years);
}

type Rule = (f: EligibilityFacts, ctx: RuleContext) => EligibilityReason[];

export const politicalAttestation: Rule = (f) =>
  f.attestation.attested
    ? []
    : [{ rule: 'political_attestation', code: 'attestation_missing', params: {}, message: { zh: '缺少政治素质审查结论', en: 'No political attestation on record' } }];

export const yearsInPractice: Rule = (f, { today, policy }) => {
  const years = fullYearsBetween(f.licensedSince, today);
  return years >= policy.minYearsInPractice
    ? []
    : [{
        rule: 'years_in_practice',
        code: 'practice_too_short',
        params: { years, required: policy.minYearsInPractice, licensedSince: f.licensedSince },
        message: { zh: `执业${years}年，不满${policy.minYearsInPractice}年`, en: `In practice ${years} years; ${policy.minYearsInPractice} required` },
      }];
};

export const criminalExperience: Rule = (f, { policy }) =>
  f.criminalCases >= policy.minCriminalCases
    ? []
    : [{
        rule: 'criminal_experience',
        code: 'no_criminal_experience',
        params: { cases: f.criminalCases, required: policy.minCriminalCases },
        message: { zh: `刑事案件办理经验不足（${f.criminalCases}件）`, en: `Not enough criminal-case experience (${f.criminalCases} cases)` },
      }];

export const noUpheldComplaint: Rule = (f) => {
  const upheld = f.complaints.filter((c) => c.upheld);
  return upheld.length === 0
    ? []
    : [{
        rule: 'no_upheld_complaint',
        code: 'upheld_complaint',
        params: { count: upheld.length, latest: upheld.map((c) => c.date).sort().at(-1) ?? '' },
        message: { zh: `有${upheld.length}条有效投诉记录`, en: `${upheld.length} upheld complaint(s) on record` },
      }];
};

export const annualAssessment: Rule = (f, { today, policy }) => {
  const reasons: EligibilityReason[] = [];
  for (const a of [...f.assessments].sort((x, y) => x.year - y.year)) {
    if (!policy.passingGrades.includes(a.grade)) {
      reasons.push({
        rule: 'annual_assessment',
        code: 'assessment_below_standard',
        params: { year: a.year, grade: a.grade },
        message: { zh: `${a.year}年度考核为“${a.grade}”`, en: `Annual assessment ${a.year} was ${a.grade}` },
      });
    }
  }
  const latestYear = Number(today.slice(0, 4)) - 1;
  if (policy.requireLatestAssessment && !f.assessments.some((a) => a.year === latestYear)) {
    reasons.push({
      rule: 'annual_assessment',
      code: 'assessment_missing',
      params: { year: latestYear },
      message: { zh: `缺少${latestYear}年度考核`, en: `No annual assessment for ${latestYear}` },
    });
  }
  return reasons;
};

export const ELIGIBILITY_RULES: readonly Rule[] = [politicalAttestation, yearsInPractice, criminalExperience, noUpheldComplaint, annualAssessment];

export function evaluateEligibility(f: EligibilityFacts, now: Date, policy: EligibilityPolicy): Eligibility {
  const ctx = { today: localDay(policy.timeZone, now), policy };
  const reasons = ELIGIBILITY_RULES.flatMap((rule) => rule(f, ctx));
  return { eligible: reasons.length === 0, reasons, yearsInPractice: fullYearsBetween(f.licensedSince, ctx.today), evaluatedAt: now.toISOString() };
}

/** Statuses in which a lawyer may be rostered, so losing eligibility needs staff attention. */
const SERVING: readonly LawyerStatus[] = ['active', 'warned', 'suspended'];

/** The flag after a re-evaluation: kept (with its original `since`) while the problem lasts. */
export function nextEligibilityFlag(
  status: LawyerStatus,
  eligibility: Eligibility,
  previous: { since: Date | string } | null | undefined,
  now: Date,
): { reasons: EligibilityReason[]; since: Date } | null {
  if (eligibility.eligible || !SERVING.includes(status)) return null;
  return { reasons: eligibility.reasons, since: previous ? new Date(previous.since) : now };
}
