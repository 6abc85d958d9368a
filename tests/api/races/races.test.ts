import mongoose, { Types } from 'mongoose';
import { FERRETDB_POOL_SIZE } from '../../../api/src/db/capabilities';
import { ClaimModel } from '../../../api/src/db/claims';
import { AbsenceModel } from '../../../api/src/modules/absences/absences.model';
import { insertAbsence, transitionAbsence } from '../../../api/src/modules/absences/absences.repository';
import { addCountersignFailure, countersignFailures } from '../../../api/src/modules/checkins/checkins.repository';
import { addToMark, completeDeadline, dayCounts, findDeadline, findMarks, incrementCounts, insertDeadline, lawyerYearCounts, markMissed, monthCounts } from '../../../api/src/modules/records/records.repository';
import { JobModel } from '../../../api/src/modules/jobs/jobs.model';
import { acquireLease, claimJob, claimJobById, insertJob, leaseEpochs, recordStep, releaseLease } from '../../../api/src/modules/jobs/jobs.repository';
import { PublicationModel, RotaModel } from '../../../api/src/modules/rotas/rotas.model';
import { currentVersionOf, findRota, switchPublication, updateRotaAt } from '../../../api/src/modules/rotas/rotas.repository';
import { SwapModel } from '../../../api/src/modules/swaps/swaps.model';
import { insertSwap, transitionSwap } from '../../../api/src/modules/swaps/swaps.repository';
import { readOverrides, writeDayOverride } from '../../../api/src/modules/calendar/calendar.repository';
import { insertImport, transitionImport } from '../../../api/src/modules/imports/imports.repository';
import { replacePatterns, findPatterns } from '../../../api/src/modules/shifts/shifts.repository';
import { insertRota, newJobId, setPlanningJob, storePlan } from '../../../api/src/modules/rotas/rotas.repository';
import { useTestDatabase } from '../../support/db';

jest.setTimeout(120_000);

/** Racers per race: as many as the process has connections, so the racing writes travel apart. */
const RACERS = FERRETDB_POOL_SIZE;
const ROUNDS = 10;
const t0 = new Date('2026-12-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const racers = (label: string) => Array.from({ length: RACERS }, (_, i) => `${label}-${i}`);

describe('race-sensitive steps on a pool of connections', () => {
  useTestDatabase();

  it('When connected to FerretDB, then the process uses a pool of several connections', () => {
    const client = mongoose.connection.getClient() as unknown as { options: { maxPoolSize: number } };
    expect(client.options.maxPoolSize).toBe(RACERS);
    expect(RACERS).toBeGreaterThan(1);
  });

  it('When processes race for a free lease, then in every race exactly one holds it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const got = await Promise.all(racers('p').map((owner) => acquireLease(`free-${round}`, owner, t0, 5000)));
      expect(got.filter(Boolean)).toHaveLength(1);
      expect(await leaseEpochs(`free-${round}`)).toHaveLength(1);
    }
  });

  it('When the holder renews while others race to take over its expired lease, then exactly one holds it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = `expired-${round}`;
      expect(await acquireLease(name, 'p-0', t0, 5000)).toBe(true);
      const got = await Promise.all(racers('p').map((owner) => acquireLease(name, owner, at(6000), 5000)));
      expect(got.filter(Boolean)).toHaveLength(1);
      const epochs = await leaseEpochs(name);
      expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
      expect(epochs[1]!.owner).toBe(racers('p')[got.indexOf(true)]);
    }
  });

  it('When a released lease is raced for, then exactly one takes it, and the others see it held', async () => {
    expect(await acquireLease('released', 'p-0', t0, 60_000)).toBe(true);
    await releaseLease('released', 'p-0');
    const got = await Promise.all(racers('q').map((owner) => acquireLease('released', owner, at(1000), 60_000)));
    expect(got.filter(Boolean)).toHaveLength(1);
    const later = await Promise.all(racers('r').map((owner) => acquireLease('released', owner, at(2000), 60_000)));
    expect(later.filter(Boolean)).toHaveLength(0);
  });

  it('When workers race for one queued job, then exactly one claims each attempt', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const job = await insertJob({ kind: 'race', key: `race-one-${round}`, payload: null, maxAttempts: 5, createdBy: null, runAfter: t0 });
      const claims = await Promise.all(racers('w').map((owner) => claimJobById(job.id, owner, at(1), 30_000)));
      const winners = claims.filter((c) => c !== null);
      expect(winners).toHaveLength(1);
      expect(await JobModel.findById(job.id).lean()).toMatchObject({ status: 'running', attempts: 1, leaseOwner: winners[0]!.leaseOwner });
    }
  });

  it('When workers race over several due jobs, then no job is claimed twice', async () => {
    for (let i = 0; i < 4; i++) await insertJob({ kind: 'race-many', key: `race-many-${i}`, payload: null, maxAttempts: 5, createdBy: null, runAfter: t0 });
    const claims = await Promise.all([...racers('w'), ...racers('v')].map((owner) => claimJob(['race-many'], owner, at(1), 30_000)));
    const ids = claims.filter((c) => c !== null).map((c) => c!.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);
    expect(await ClaimModel.countDocuments({ _id: { $in: ids.map((id) => `job:${id}:1`) } })).toBe(ids.length);
  });

  it('When runners of one job finish the same step at once, then every runner carries on with one recorded result', async () => {
    const job = await insertJob({ kind: 'race', key: 'race-step', payload: null, maxAttempts: 5, createdBy: null, runAfter: t0 });
    const results = await Promise.all(racers('w').map((owner, i) => recordStep(job.id, 'switch', owner, { by: i }, t0)));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('When publications of one rota race from the same version, then it switches once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const rotaId = new Types.ObjectId().toHexString();
      const period = { from: '2026-12-01', to: '2026-12-31' };
      const firsts = await Promise.all(racers('v').map((_, i) => switchPublication(rotaId, null, i + 1, period)));
      expect(firsts.filter(Boolean)).toHaveLength(1);
      const first = firsts.indexOf(true) + 1;
      const nexts = await Promise.all(racers('v').map((_, i) => switchPublication(rotaId, first, 100 + i, period)));
      expect(nexts.filter(Boolean)).toHaveLength(1);
      expect(await currentVersionOf(rotaId)).toBe(100 + nexts.indexOf(true));
      expect(await PublicationModel.countDocuments({ _id: rotaId })).toBe(1);
    }
  });

  it('When colleagues race to accept one open swap offer, then exactly one gets it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const swap = await insertSwap({ rotaId: 'r', slotId: `r:2026-12-0${(round % 9) + 1}:s`, requesterId: 'requester', partnerLawyerId: null, partnerSlotId: null, mode: 'open', status: 'open', note: null });
      const lawyers = racers('lawyer');
      const got = await Promise.all(lawyers.map((l) => transitionSwap(String(swap._id), 'open', { status: 'accepted', partnerLawyerId: l })));
      expect(got.filter(Boolean)).toHaveLength(1);
      expect(await SwapModel.findById(swap._id).lean()).toMatchObject({ status: 'accepted', partnerLawyerId: lawyers[got.indexOf(true)], transitions: 1 });
      // Cancelling (from either active status) still works after the race.
      expect(await transitionSwap(String(swap._id), ['open', 'accepted'], { status: 'cancelled' })).toBe(true);
      expect(await SwapModel.findById(swap._id).lean()).toMatchObject({ status: 'cancelled', transitions: 2 });
    }
  });

  it('When coordinators race to save one draft from the same revision, then exactly one save is written', async () => {
    const rota = await RotaModel.create({ name: '2026年12月', from: '2026-12-01', to: '2026-12-31', postIds: ['p'], status: 'draft', revision: 3, seed: 1, slots: [], createdBy: 'coord' });
    const id = String(rota._id);
    for (let round = 0; round < ROUNDS; round++) {
      const revision = 3 + round;
      const saved = await Promise.all(racers('coord').map((c) => updateRotaAt(id, revision, { name: c })));
      const winners = saved.filter((s) => s !== null);
      expect(winners).toHaveLength(1);
      expect(await findRota(id)).toMatchObject({ revision: revision + 1, name: winners[0]!.name });
    }
  });

  it('When staff race to decide one absence request, then exactly one decision is written', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const absence = await insertAbsence({ lawyerId: 'l1', kind: 'leave', from: '2026-12-10', to: '2026-12-11', reason: '出差', status: 'pending' });
      const staff = racers('staff');
      const got = await Promise.all(staff.map((s, i) => transitionAbsence(String(absence._id), 'pending', { status: i % 2 ? 'approved' : 'rejected', decidedBy: s })));
      expect(got.filter(Boolean)).toHaveLength(1);
      const i = got.indexOf(true);
      expect(await AbsenceModel.findById(absence._id).lean()).toMatchObject({ status: i % 2 ? 'approved' : 'rejected', decidedBy: staff[i] });
    }
  });

  it('When many records count on one day at once, then no count is lost', async () => {
    await Promise.all(
      Array.from({ length: 3 * RACERS }, (_, i) => incrementCounts('2026-12-02', 'l1:2026', { [`consultation|p|l${i % 3}`]: 1, 'total|p|-': 1 }, { consultation: 1 })),
    );
    const day = (await dayCounts(['2026-12-02'])).get('2026-12-02')!;
    expect(day).toEqual({ 'consultation|p|l0': RACERS, 'consultation|p|l1': RACERS, 'consultation|p|l2': RACERS, 'total|p|-': 3 * RACERS });
    expect((await monthCounts(['2026-12'])).get('2026-12')).toEqual(day);
    expect(await lawyerYearCounts('l1', 2026)).toEqual({ consultation: 3 * RACERS });
  });

  it('When records of one duty arrive at once, then its mark holds every one, each once', async () => {
    const at0 = new Date('2026-12-02T03:00:00Z');
    const duty = 'r1:p1:2026-12-02:0900-1130:l1';
    const records = Array.from({ length: RACERS }, (_, i) => ({ _id: `rec-${i}`, dutyKey: duty, lawyerId: 'l1', day: '2026-12-02', kind: i % 2 ? 'consultation' : 'referral', title: `记录${i}`, createdAt: at0 }));
    await Promise.all([...records, ...records].map((r) => addToMark(r as never)));
    const mark = (await findMarks([duty])).get(duty)!;
    expect([...mark.recordIds].sort()).toEqual(records.map((r) => r._id).sort());
    expect(mark.items).toHaveLength(RACERS);
    expect(mark.kinds).toEqual({ consultation: RACERS / 2, referral: RACERS / 2 });
  });

  it('When wrong countersign codes arrive at once, then every failure is counted', async () => {
    const counts = await Promise.all(Array.from({ length: RACERS }, () => addCountersignFailure('l1:p1:2026-12-02')));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: RACERS }, (_, i) => i + 1));
    expect(await countersignFailures('l1:p1:2026-12-02')).toBe(RACERS);
  });

  it('When the lawyer finishes a clock as the watch marks it missed, then it gets one outcome', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = `rec:r${round}:aid_forward`;
      const due = new Date('2026-12-03T09:00:00Z');
      await insertDeadline({ _id: id, kind: 'aid_forward', lawyerId: 'l1', postId: 'p1', subject: '转交', startedAt: t0, dueAt: due, doneAt: null, outcome: null, open: true, remindedSoonAt: null, remindedOverdueAt: null } as never);
      const [done, ...missed] = await Promise.all([completeDeadline(id, due), ...Array.from({ length: RACERS - 1 }, () => markMissed(id))]);
      const stored = (await findDeadline(id))!;
      expect(stored.open).toBe(false);
      expect(missed.filter(Boolean).length + (done.met ? 1 : 0)).toBe(1);
      expect(stored.outcome).toBe(done.met ? 'met' : 'missed');
    }
  });

  it('When staff set overrides of different days at once, then every day keeps its override', async () => {
    const days = Array.from({ length: RACERS }, (_, i) => `2027-02-${String(i + 1).padStart(2, '0')}`);
    await Promise.all(days.map((d, i) => writeDayOverride(d, i % 2 ? `假日${i}` : undefined, i % 2 ? undefined : `补班${i}`)));
    const stored = await readOverrides();
    expect(Object.keys(stored.holidays).length + Object.keys(stored.makeUpDays).length).toBe(RACERS);
    await Promise.all(days.map((d) => writeDayOverride(d, undefined, undefined)));
    expect(await readOverrides()).toEqual({ holidays: {}, makeUpDays: {} });
  });

  it("When staff race to save a post's shift patterns from the same revision, then exactly one save is written", async () => {
    const pattern = (label: string) => ({ label, rrule: 'FREQ=WEEKLY;BYDAY=MO', dtstart: '2027-01-04', start: '09:00', end: '12:00', exdates: [], rdates: [] });
    await replacePatterns('post-races', [pattern('first')], undefined);
    for (let round = 0; round < ROUNDS; round++) {
      const { revision } = (await findPatterns('post-races'))!;
      const saved = await Promise.all(racers('班次').map((label) => replacePatterns('post-races', [pattern(label)], revision)));
      const winners = saved.filter((s) => s !== null);
      expect(winners).toHaveLength(1);
      expect(await findPatterns('post-races')).toMatchObject({ revision: revision + 1, patterns: [expect.objectContaining({ label: winners[0]![0]!.label })] });
    }
  });

  it('When a confirmation and an expiry of one import preview arrive together, then exactly one of them moves it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const batch = await insertImport({ fileName: 'lawyers.xlsx', status: 'preview', createdBy: { userId: 'u', username: 'admin' }, createdAt: t0, expiresAt: at(60_000), totalRows: 0, previewRows: [], errors: [], validBodies: [] });
      const moves = racers('m').map((_, i) => (i % 2 ? { status: 'expired' as const, validBodies: [] } : { status: 'applying' as const, confirmedAt: t0 }));
      const moved = await Promise.all(moves.map((set) => transitionImport(batch.id, ['preview'], set)));
      const winners = moved.filter((b) => b !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]!.status).not.toBe('preview');
    }
  });

  it('When a new planning run starts as the last one stores its plan, then the new run stays the rota’s run', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const rota = await insertRota({ name: `第${round}轮`, from: '2027-01-01', to: '2027-01-31', postIds: ['p'], seed: 1, createdBy: 'coord' });
      const first = newJobId();
      expect(await setPlanningJob(rota.id, 0, first)).toBe(true);
      const second = newJobId();
      const [stored, started] = await Promise.all([storePlan(rota.id, first, { slots: [], explanations: {}, figures: {} } as never), setPlanningJob(rota.id, 1, second)]);
      const after = (await findRota(rota.id))!;
      if (started) expect(after).toMatchObject({ planningJobId: second, status: 'planning' });
      else expect(stored).toBe(true);
      expect(stored || started).toBe(true);
    }
  });
});
