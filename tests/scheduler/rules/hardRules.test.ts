import {
  lawyerActive,
  lawyerEligible,
  lawyerQualified,
  minimumRest,
  monthlyCap,
  noLeave,
  noOverlap,
  noOverstaffing,
  noUnavailability,
  oneDutyPerDay,
  slotFilled,
  weeklyCap,
} from '../../../scheduler/src/rules/hard';
import { instance, lawyer, pattern, post } from '../fixtures';
import { at, verifyHard } from '../verify';

const MON_AM = 'p1:2026-10-12:0900-1130';
const MON_PM = 'p1:2026-10-12:1430-1730';
const TUE_AM = 'p1:2026-10-13:0900-1130';
const WED_AM = 'p1:2026-10-14:0900-1130';
const THU_AM = 'p1:2026-10-15:0900-1130';

describe('hard rules', () => {
  it('when a suspended lawyer is assigned, then lawyerActive reports it', () => {
    const inst = instance({ lawyers: [lawyer('a', { status: 'suspended' }), lawyer('b')] });
    expect(verifyHard(lawyerActive, inst, [at('a', MON_AM)])).toMatchObject([{ rule: 'lawyerActive', lawyerId: 'a', slotId: MON_AM }]);
    expect(verifyHard(lawyerActive, inst, [at('b', MON_AM)])).toEqual([]);
  });

  it('when a lawyer no longer meets vetting, then lawyerEligible reports it', () => {
    const inst = instance({ lawyers: [lawyer('a', { eligible: false })] });
    expect(verifyHard(lawyerEligible, inst, [at('a', MON_AM)])).toHaveLength(1);
  });

  it('when a lawyer lacks the post kind or district, then lawyerQualified reports it', () => {
    const inst = instance({
      lawyers: [
        lawyer('kind', { qualifications: { kinds: ['procuratorate'], districts: ['gulou'] } }),
        lawyer('district', { qualifications: { kinds: ['court'], districts: ['jianye'] } }),
        lawyer('ok', { qualifications: { kinds: ['court'], districts: ['gulou'] } }),
      ],
    });
    const found = verifyHard(lawyerQualified, inst, [at('kind', MON_AM), at('district', TUE_AM), at('ok', WED_AM)]);
    expect(found.map((v) => v.lawyerId)).toEqual(['kind', 'district']);
  });

  it('when a duty falls in leave given as days or instants, then noLeave reports it', () => {
    const inst = instance({
      lawyers: [
        lawyer('days', { leave: [{ from: '2026-10-12', to: '2026-10-13' }] }),
        lawyer('instants', { leave: [{ from: '2026-10-12T02:00:00Z', to: '2026-10-12T04:00:00Z' }] }),
      ],
    });
    const found = verifyHard(noLeave, inst, [at('days', TUE_AM), at('days', WED_AM), at('instants', MON_AM), at('instants', TUE_AM)]);
    expect(found.map((v) => `${v.lawyerId} ${v.slotId}`)).toEqual([`days ${TUE_AM}`, `instants ${MON_AM}`]);
  });

  it('when a duty falls in declared unavailability, then noUnavailability reports it', () => {
    const inst = instance({ lawyers: [lawyer('a', { unavailable: [{ from: '2026-10-14', to: '2026-10-14' }] })] });
    expect(verifyHard(noUnavailability, inst, [at('a', WED_AM)])).toHaveLength(1);
    expect(verifyHard(noUnavailability, inst, [at('a', TUE_AM)])).toHaveLength(0);
  });

  it('when two duties overlap in time, then noOverlap reports it', () => {
    const inst = instance({
      posts: [post('p1'), post('p2', { patterns: [pattern('x', '10:00', '12:00')] })],
    });
    expect(verifyHard(noOverlap, inst, [at('a', MON_AM), at('a', 'p2:2026-10-12:1000-1200')])).toHaveLength(1);
    expect(verifyHard(noOverlap, inst, [at('a', MON_AM), at('a', MON_PM)])).toHaveLength(0);
  });

  it('when a lawyer has morning and afternoon on one day, then oneDutyPerDay reports it', () => {
    expect(verifyHard(oneDutyPerDay, instance(), [at('a', MON_AM), at('a', MON_PM)])).toMatchObject([{ rule: 'oneDutyPerDay', lawyerId: 'a' }]);
    expect(verifyHard(oneDutyPerDay, instance(), [at('a', MON_AM), at('a', TUE_AM)])).toHaveLength(0);
  });

  it('when duties are closer than the minimum rest, then minimumRest reports it', () => {
    const inst = instance({ rules: { minRestHours: 18 } });
    // Monday 17:30 → Tuesday 09:00 is 15.5 h.
    expect(verifyHard(minimumRest, inst, [at('a', MON_PM), at('a', TUE_AM)])).toHaveLength(1);
    expect(verifyHard(minimumRest, instance(), [at('a', MON_PM), at('a', TUE_AM)])).toHaveLength(0);
  });

  it("when a lawyer passes their weekly cap, then weeklyCap reports the extra duty", () => {
    const inst = instance({ lawyers: [lawyer('a', { maxPerWeek: 2 })] });
    const found = verifyHard(weeklyCap, inst, [at('a', MON_AM), at('a', TUE_AM), at('a', WED_AM)]);
    expect(found).toMatchObject([{ slotId: WED_AM }]);
  });

  it('when a lawyer passes the monthly cap, then monthlyCap reports it', () => {
    const inst = instance({ rules: { maxPerMonth: 3 } });
    expect(verifyHard(monthlyCap, inst, [at('a', MON_AM), at('a', TUE_AM), at('a', WED_AM), at('a', THU_AM)])).toHaveLength(1);
  });

  it('when a slot has more lawyers than it needs or one twice, then noOverstaffing reports it', () => {
    expect(verifyHard(noOverstaffing, instance(), [at('a', MON_AM), at('b', MON_AM)])).toHaveLength(1);
    expect(verifyHard(noOverstaffing, instance(), [at('a', MON_AM), at('a', MON_AM)])).toHaveLength(2);
  });

  it('when a slot is short although a lawyer could take it, then slotFilled reports it; when nobody can, then not', () => {
    const found = verifyHard(slotFilled, instance(), [at('a', MON_AM)]);
    expect(found.some((v) => v.slotId === MON_PM)).toBe(true);
    const nobody = instance({ lawyers: [lawyer('a', { leave: [{ from: '2026-10-12', to: '2026-10-16' }] })] });
    expect(verifyHard(slotFilled, nobody, [])).toEqual([]);
  });
});
