import { isValidIdNumber } from '../../../api/src/contracts/lawyers';
import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { PostModel } from '../../../api/src/modules/posts/posts.model';
import { UserModel } from '../../../api/src/modules/users/users.model';
import { DEMO_ACCOUNTS, seedDemo } from '../../../api/src/seed/demo';
import { useTestDatabase } from '../../support/db';
import { manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));

beforeAll(async () => {
  await seedDemo({ clock });
}, 60_000);

describe('the Nanjing demo world', () => {
  it('when seeded, then there are 38 posts, 340 lawyers with valid-format numbers and one account per role', async () => {
    expect(await PostModel.countDocuments()).toBe(38);
    expect(await PostModel.countDocuments({ district: '市级' })).toBe(4);
    expect(await LawyerModel.countDocuments()).toBe(340);
    const lawyers = await LawyerModel.find({}, { licenceNumber: 1, idNumber: 1, phone: 1 }).lean();
    expect(lawyers.every((l) => /^\d{17}$/.test(l.licenceNumber) && isValidIdNumber(l.idNumber) && /^1[358]\d{9}$/.test(l.phone))).toBe(true);
    expect(new Set(lawyers.map((l) => l.idNumber)).size).toBe(340);
    expect((await UserModel.find({}).lean()).map((u) => u.role).sort()).toEqual(['admin', 'coordinator', 'hotline', 'lawyer']);
  });

  it('when seeded, then six lawyers are ineligible, each for its stated reason, and the two serving ones are flagged', async () => {
    const bad = await LawyerModel.find({ eligible: false }).lean();
    expect(bad.map((l) => l.eligibility!.reasons.map((r) => r.code).join('+')).sort()).toEqual([
      'assessment_below_standard',
      'attestation_missing',
      'no_criminal_experience',
      'practice_too_short',
      'practice_too_short',
      'upheld_complaint',
    ]);
    expect(await LawyerModel.countDocuments({ eligibilityFlag: { $ne: null } })).toBe(2);
    expect(await LawyerModel.countDocuments({ status: 'applicant', eligible: true })).toBeGreaterThanOrEqual(15);
  });

  it('when seeded twice, then nothing is duplicated', async () => {
    const again = await seedDemo({ clock });
    expect(again).toEqual({ posts: 0, lawyers: 0, accounts: [] });
    expect(await LawyerModel.countDocuments()).toBe(340);
  });

  it('when the demo accounts sign in, then each works and the lawyer sees their own active dossier', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const c = app.client();
      const res = await c.login(a.username, a.password);
      expect([a.username, res.status]).toEqual([a.username, 200]);
      if (a.role === 'lawyer') {
        const d = await c.get(`/lawyers/${res.body.user.lawyerId}`);
        expect(d.body.lawyer.status).toBe('active');
        expect(d.body.eligibility.eligible).toBe(true);
      }
    }
  });
});
