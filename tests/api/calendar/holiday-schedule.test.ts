import { RotaModel, RotaVersionModel } from '../../../api/src/modules/rotas/rotas.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, drainJobs, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';
import { CHINA_HOLIDAY_YEARS } from '../../../scheduler/src';

useTestDatabase();
const clock = manualClock('2026-11-20T02:00:00Z');
const app = useApp(() => ({ clock }));
const services = () => app.services();

let coord: Client;
let world: World;
// The first year the package does not ship (2027 with chinese-days 1.5.7).
const missing = Math.max(...CHINA_HOLIDAY_YEARS) + 1;

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  coord = await app.as('coord');
  world = await buildWorld(await app.as('admin'), 2, 6);
});

describe('the official holiday schedule per year', () => {
  it('when a shipped year and a missing year are read, then each says whether its official schedule is loaded', async () => {
    expect((await coord.get('/calendar?year=2026')).body).toMatchObject({ year: 2026, officialLoaded: true });
    expect((await coord.get(`/calendar?year=${missing}`)).body).toMatchObject({ year: missing, officialLoaded: false, days: [] });
  });

  it('when a period in a year without the schedule is planned, then 409 calendar_not_loaded until it is confirmed', async () => {
    const before = await RotaModel.countDocuments();
    const body = { from: `${missing}-01-01`, to: `${missing}-01-10`, postIds: [world.posts[1].id] };
    const refused = await coord.post('/rotas/drafts', body);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'calendar_not_loaded', details: { years: [missing] } });
    expect(await RotaModel.countDocuments()).toBe(before);
    const confirmed = await coord.post('/rotas/drafts', { ...body, confirmMissingCalendar: true });
    expect(confirmed.status).toBe(202);
    await drainJobs(services());
    const rota = (await coord.get(`/rotas/${confirmed.body.rotaId}`)).body;
    const publish = await coord.post(`/rotas/${rota.id}/publish`, { revision: rota.revision });
    expect(publish.status).toBe(409);
    expect(publish.body.error.code).toBe('calendar_not_loaded');
    expect(await RotaVersionModel.countDocuments({ rotaId: rota.id })).toBe(0);
    expect((await coord.post(`/rotas/${rota.id}/publish`, { revision: rota.revision, confirmMissingCalendar: true })).status).toBe(202);
  });
});

describe('a calendar change after publishing', () => {
  it('when a published working day becomes a holiday, then its duties are flagged and a repair amends the rota', async () => {
    const rotaId = await publishRota(coord, services(), [world.posts[0].id], '2026-12-01', '2026-12-31');
    expect((await coord.get('/rotas/calendar-conflicts')).body).toEqual([]);
    expect((await coord.put('/calendar/days/2026-12-24', { type: 'holiday', name: '地方假日' })).status).toBe(200);

    const flagged = await coord.get('/rotas/calendar-conflicts');
    expect(flagged.status).toBe(200);
    expect(flagged.body).toHaveLength(1);
    expect(flagged.body[0]).toMatchObject({ rotaId, added: [] });
    expect(flagged.body[0].removed.map((s: { day: string }) => s.day)).toEqual(['2026-12-24', '2026-12-24']);
    expect(flagged.body[0].removed.every((s: { lawyerIds: string[] }) => s.lawyerIds.length === 1)).toBe(true);

    const repaired = await coord.post(`/rotas/${rotaId}/calendar-repair`);
    expect(repaired.status).toBe(200);
    expect(repaired.body).toMatchObject({ rotaId, version: 2 });
    await drainJobs(services());
    const stored = await RotaModel.findById(rotaId).lean();
    expect(stored!.slots.some((s) => s.day === '2026-12-24')).toBe(false);
    expect(stored!.slots.some((s) => s.day === '2026-12-23')).toBe(true);
    expect(stored!.publishedVersion).toBe(2);
    expect((await RotaVersionModel.findOne({ rotaId, version: 2 }).lean())!.reason).toBe('节假日安排调整');
    expect((await coord.get('/rotas/calendar-conflicts')).body).toEqual([]);
    expect((await coord.post(`/rotas/${rotaId}/calendar-repair`)).body.error.code).toBe('nothing_to_repair');
  });

  it('when a rota stored with start-only slot ids meets a calendar change, then only the changed day is flagged and kept slots keep their ids', async () => {
    const rotaId = await publishRota(coord, services(), [world.posts[1].id], '2026-12-01', '2026-12-31');
    // Rotas published before slot ids carried the end time: post:day:HHMM.
    const doc = await RotaModel.findById(rotaId).lean();
    const legacy = doc!.slots.map((s) => ({ ...s, id: s.id.replace(/-\d{4}$/, '') }));
    await RotaModel.updateOne({ _id: rotaId }, { $set: { slots: legacy } });
    const mine = async () => ((await coord.get('/rotas/calendar-conflicts')).body as { rotaId: string; removed: { slotId: string; day: string }[] }[]).find((c) => c.rotaId === rotaId);
    expect(await mine()).toBeUndefined();

    await coord.put('/calendar/days/2026-12-28', { type: 'holiday', name: '地方假日' });
    const flagged = await mine();
    expect(flagged!.removed.map((s) => s.slotId)).toEqual(legacy.filter((s) => s.day === '2026-12-28').map((s) => s.id));
    expect((await coord.post(`/rotas/${rotaId}/calendar-repair`)).status).toBe(200);
    await drainJobs(services());
    const stored = await RotaModel.findById(rotaId).lean();
    expect(stored!.slots.some((s) => s.day === '2026-12-28')).toBe(false);
    const kept = legacy.filter((s) => s.day !== '2026-12-28' && s.day >= '2026-11-20');
    expect(stored!.slots.map((s) => s.id)).toEqual(expect.arrayContaining(kept.map((s) => s.id)));
  });
});
