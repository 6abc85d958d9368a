import { AbsenceModel } from '../../../api/src/modules/absences/absences.model';
import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, eligibleLawyer, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));

beforeAll(async () => {
  await createAccount('coord', 'coordinator');
});

describe('dates far outside any real case', () => {
  it('when a lawyer is registered or edited with a licence date in the future (2999), then 400 licensed_since_in_future and nothing changes', async () => {
    const coord = await app.as('coord');
    const created = await coord.post('/lawyers', eligibleLawyer(1, { licensedSince: '2999-01-01' }));
    expect([created.status, created.body.error.code]).toEqual([400, 'licensed_since_in_future']);
    expect(await LawyerModel.countDocuments()).toBe(0);
    const ok = await coord.post('/lawyers', eligibleLawyer(2));
    expect(ok.status).toBe(201);
    const edited = await coord.patch(`/lawyers/${ok.body.lawyer.id}`, { licensedSince: '2026-06-02' });
    expect([edited.status, edited.body.error.code]).toEqual([400, 'licensed_since_in_future']);
    expect((await LawyerModel.findById(ok.body.lawyer.id).lean())?.licensedSince).toBe('2015-03-01');
  });

  it('when leave is asked until 9999-12-31 or to start years ahead, then 400 and no request is stored', async () => {
    const coord = await app.as('coord');
    const lawyer = await coord.post('/lawyers', eligibleLawyer(3));
    await createAccount('lawyer3', 'lawyer', { lawyerId: lawyer.body.lawyer.id });
    const me = await app.as('lawyer3');
    const endless = await me.post('/absences', { kind: 'leave', from: '2026-06-10', to: '9999-12-31', reason: '长期' });
    expect([endless.status, endless.body.error.code]).toEqual([400, 'absence_too_long']);
    const far = await me.post('/absences', { kind: 'leave', from: '2099-01-01', to: '2099-01-02', reason: '远期' });
    expect([far.status, far.body.error.code]).toEqual([400, 'absence_too_far_ahead']);
    expect(await AbsenceModel.countDocuments()).toBe(0);
    const fine = await me.post('/absences', { kind: 'leave', from: '2026-06-10', to: '2026-06-12', reason: '家中有事' });
    expect(fine.status).toBe(201);
  });
});
