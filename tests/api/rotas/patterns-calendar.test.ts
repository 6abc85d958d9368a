import { PostPatternsModel } from '../../../api/src/modules/shifts/shifts.model';
import { useTestDatabase } from '../../support/db';
import { buildWorld, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-09-01T02:00:00Z');
const app = useApp(() => ({ clock }));

let coord: Client;
let world: World;

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  coord = await app.as('coord');
  world = await buildWorld(await app.as('admin'), 1, 2);
});

const saturdays = { label: '周六上午', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', dtstart: '2026-09-05', start: '09:00', end: '12:00', exdates: [], rdates: [] };

describe('shift patterns', () => {
  it('when a post has no patterns yet, then its opening hours are read as weekly rules', async () => {
    const res = await coord.get(`/posts/${world.posts[0].id}/patterns`);
    expect(res.status).toBe(200);
    expect(res.body.map((p: { rrule: string; start: string; revision: number }) => [p.rrule, p.start, p.revision])).toEqual([
      ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '09:00', 0],
      ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '14:30', 0],
    ]);
  });

  it('when patterns are saved, then they replace the old ones and a stale save is refused', async () => {
    const url = `/posts/${world.posts[0].id}/patterns`;
    const first = await coord.put(url, { patterns: [saturdays], revision: 0 });
    expect(first.status).toBe(200);
    expect(first.body[0]).toMatchObject({ rrule: saturdays.rrule, revision: 1 });
    const stale = await coord.put(url, { patterns: [], revision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_patterns');
    expect((await PostPatternsModel.findOne({ postId: world.posts[0].id }).lean())!.patterns).toHaveLength(1);
  });

  it.each([
    ['FREQ=HOURLY', 'finer than daily'],
    ['FREQ=WEEKLY;BYDAY=XX', ''],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', 'DTSTART'],
  ])('when the rule is %s, then 400 invalid_rrule and nothing is saved', async (rrule, message) => {
    const before = await PostPatternsModel.findOne({ postId: world.posts[0].id }).lean();
    const res = await coord.put(`/posts/${world.posts[0].id}/patterns`, { patterns: [{ ...saturdays, rrule }], revision: before!.revision });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_rrule');
    expect(res.body.error.message).toContain(message);
    expect((await PostPatternsModel.findOne({ postId: world.posts[0].id }).lean())!.revision).toBe(before!.revision);
  });

  it('when previewing a weekday pattern over the National Day break, then holidays are skipped and the make-up Saturday is worked', async () => {
    const res = await coord.post('/shift-patterns/preview', {
      pattern: { label: '上午', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: '2026-01-05', start: '09:00', end: '11:30', exdates: [], rdates: [] },
      from: '2026-09-28',
      count: 12,
    });
    expect(res.status).toBe(200);
    const byDay = Object.fromEntries(res.body.occurrences.map((o: { day: string; skipped: boolean; note: string | null }) => [o.day, o]));
    expect(byDay['2026-09-28']).toMatchObject({ skipped: false, note: null });
    expect(byDay['2026-10-01']).toMatchObject({ skipped: true });
    expect(byDay['2026-10-01'].note).toContain('国庆');
    expect(byDay['2026-10-10']).toMatchObject({ skipped: false });
    expect(byDay['2026-10-10'].note).toContain('调休');
  });
});

describe('the holiday calendar', () => {
  it('when a year is read, then the shipped holidays and make-up days are listed', async () => {
    const res = await coord.get('/calendar?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.shippedYears).toContain(2026);
    expect(res.body.days).toEqual(expect.arrayContaining([{ day: '2026-10-01', type: 'holiday', name: '国庆节', source: 'shipped' }]));
  });

  it('when staff add a holiday and clear a shipped make-up day, then planning previews follow and the audit log has it', async () => {
    expect((await coord.put('/calendar/days/2026-12-31', { type: 'holiday', name: '地方假日' })).status).toBe(200);
    const cleared = await coord.put('/calendar/days/2026-10-10', { type: 'normal' });
    expect(cleared.body.cleared).toContain('2026-10-10');
    expect(cleared.body.days).toEqual(expect.arrayContaining([{ day: '2026-12-31', type: 'holiday', name: '地方假日', source: 'override' }]));
    const preview = await coord.post('/shift-patterns/preview', {
      pattern: { label: '上午', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: '2026-01-05', start: '09:00', end: '11:30', exdates: [], rdates: [] },
      from: '2026-10-09',
      count: 3,
    });
    expect(preview.body.occurrences.map((o: { day: string }) => o.day)).not.toContain('2026-10-10');
    const bad = await coord.put('/calendar/days/2026-02-30', { type: 'holiday', name: 'x' });
    expect(bad.status).toBe(400);
    const audit = await (await app.as('admin')).get('/audit?entityType=calendar');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
  });
});
