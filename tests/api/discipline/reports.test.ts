import { ViolationModel } from '../../../api/src/modules/discipline/discipline.model';
import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { JobModel } from '../../../api/src/modules/jobs/jobs.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, drainJobs, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-11-20T02:00:00Z');
const app = useApp(() => ({ clock }));
const services = () => app.services();

let coord: Client;
let world: World;

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  coord = await app.as('coord');
  world = await buildWorld(await app.as('admin'), 1, 8);
  await publishRota(coord, services(), [world.posts[0].id], '2026-12-01', '2026-12-04');
});

describe('reports through the discipline port', () => {
  it('when the detector marks a lawyer absent, then one proposed violation with the duty and the event as evidence is queued, however often it ticks', async () => {
    const duties = (await coord.get('/duties?from=2026-12-01&to=2026-12-01')).body as { lawyerId: string; start: string; postId: string; slotId: string }[];
    const duty = duties[0];
    await lawyerAccount('absentee', duty.lawyerId);
    clock.set(new Date(new Date(duty.start).getTime() + 61 * 60_000));
    await services().detector.tick();
    await services().detector.tick(new Date(clock.now().getTime() + 1000));
    const stored = await ViolationModel.find({ lawyerId: duty.lawyerId }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: 'absent', state: 'proposed', postId: duty.postId, duty: { day: '2026-12-01', localStart: '09:00' } });
    expect(stored[0].evidence).toEqual([{ kind: 'attendance_event', eventKey: expect.stringContaining(':absent') }]);
    expect(stored[0].sourceKey).toMatch(/^attendance:/);
    const me = await app.as('absentee');
    const record = (await me.get('/violations/mine')).body;
    expect(record.violations[0]).toMatchObject({ type: 'absent', state: 'proposed' });
    expect(((await me.get('/notifications/mine')).body as { kind: string }[]).map((n) => n.kind)).toContain('violation.proposed');
    coord = await app.as('coord');
    const queue = (await coord.get(`/violations?state=proposed&type=absent&postId=${duty.postId}&district=玄武区`)).body;
    expect(queue.items.map((v: { lawyerId: string }) => v.lawyerId)).toContain(duty.lawyerId);
  });

  it('when another area reports the same source twice, then one violation exists; a confirmed report applies the rule at once', async () => {
    const lawyerId = world.lawyers[7].id;
    const report = { sourceKey: 'records:missing:x1', lawyerId, type: 'missing_record' as const, occurredAt: new Date('2026-11-19T03:00:00Z'), description: '未填写值班记录', evidence: [{ kind: 'note' as const, text: '系统检查' }] };
    const first = await services().discipline.propose(report);
    const again = await services().discipline.propose(report);
    expect([first.created, again.created, again.id]).toEqual([true, false, first.id]);

    const upheld = { ...report, sourceKey: 'feedback:f1', type: 'complaint_upheld' as const, decidedBy: 'coord', reason: '投诉属实' };
    const c1 = await services().discipline.recordConfirmed(upheld);
    const c2 = await services().discipline.recordConfirmed(upheld);
    expect([c1.created, c2.created]).toEqual([true, false]);
    expect(await ViolationModel.countDocuments({ lawyerId })).toBe(2);
    expect((await LawyerModel.findById(lawyerId).lean())!.status).toBe('warned');
  });
});

describe('nightly eligibility re-check', () => {
  it('when the night comes, then one re-check job runs per day under the lease, and lawyers who stopped being eligible are flagged', async () => {
    const lawyerId = world.lawyers[6].id;
    // An assessment year passes without a grade: the lawyer falls out of eligibility without any edit.
    await LawyerModel.updateOne({ _id: lawyerId }, { $set: { assessments: [] } });
    const check = services().eligibilityCheck;
    expect(await check.runIfDue(new Date('2026-12-02T16:30:00Z'))).toBeNull(); // 00:30 in Nanjing
    const id = await check.runIfDue(new Date('2026-12-02T19:00:00Z'));
    expect(id).not.toBeNull();
    expect(await check.runIfDue(new Date('2026-12-02T19:10:00Z'))).toBe(id);
    await drainJobs(services());
    expect((await JobModel.findById(id).lean())!.status).toBe('done');
    const flagged = (await LawyerModel.findById(lawyerId).lean())!;
    expect(flagged.eligible).toBe(false);
    expect(flagged.eligibilityFlag).not.toBeNull();
  });
});
