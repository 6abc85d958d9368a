import { PostPatternsModel } from '../../../api/src/modules/shifts/shifts.model';
import { createPreviewRunner } from '../../../api/src/modules/shifts/preview/previewRunner';
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
  world = await buildWorld(await app.as('admin'), 2, 2);
});

const base = { label: '上午', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: '2026-09-07', start: '09:00', end: '11:30', exdates: [], rdates: [] };
const stored = async (postId: string) => PostPatternsModel.findOne({ postId }).lean();

describe('strict shift patterns', () => {
  it.each([
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'RULE_NEVER_MATCHES'],
    ['FREQ=DAILY;INTERVAL=-1', 'RULE_NOT_POSITIVE'],
    ['FREQ=DAILY;INTERVAL=0', 'RULE_NOT_POSITIVE'],
    ['FREQ=SECONDLY', 'RULE_FREQ_TOO_FINE'],
    ['FREQ=WEEKLY;BYDAY=XX', 'RULE_BAD_BYDAY'],
    ['FREQ=WEEKLY;FOO=1', 'RULE_UNKNOWN_PART'],
  ])('when a post is saved with %s, then 400 invalid_rrule with reason %s and nothing is stored', async (rrule, reason) => {
    const postId = world.posts[1].id;
    const before = await stored(postId);
    const res = await coord.put(`/posts/${postId}/patterns`, { patterns: [base, { ...base, label: 'x', start: '14:30', end: '17:30', rrule }], revision: before?.revision ?? 0 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_rrule', details: { index: 1, reason } });
    expect((await stored(postId))?.revision).toBe(before?.revision);
  });

  it('when a pattern starts in a far-off year, then it is refused as out of range', async () => {
    const res = await coord.put(`/posts/${world.posts[1].id}/patterns`, { patterns: [{ ...base, dtstart: '2150-01-01' }], revision: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.reason).toBe('DATE_OUT_OF_RANGE');
  });

  it('when two patterns of a post have the same start and end, then 400 duplicate_shift names both and nothing is stored', async () => {
    const postId = world.posts[1].id;
    const res = await coord.put(`/posts/${postId}/patterns`, {
      patterns: [base, { ...base, label: '周六', rrule: 'FREQ=WEEKLY;BYDAY=SA' }],
      revision: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'duplicate_shift', details: { index: 1, reason: 'DUPLICATE_SHIFT', params: { first: 1, pattern: 2, start: '09:00', end: '11:30' } } });
    expect(await stored(postId)).toBeNull();
  });

  it('when a Saturday shift starts with the weekday one but ends later, then both are stored; lower-case parts are stored upper-case', async () => {
    const postId = world.posts[1].id;
    const res = await coord.put(`/posts/${postId}/patterns`, {
      patterns: [base, { ...base, label: '周六', rrule: 'rrule:freq=weekly;byday=sa', end: '12:00' }],
      revision: 0,
    });
    expect(res.status).toBe(200);
    expect((await stored(postId))!.patterns.map((p) => p.rrule)).toEqual(['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'FREQ=WEEKLY;BYDAY=SA']);
  });

  it('when a night or 24-hour duty is saved, then it is accepted and the preview ends it the next day', async () => {
    const postId = world.posts[0].id;
    const night = { ...base, label: '夜班', rrule: 'FREQ=DAILY', start: '20:00', end: '08:00' };
    const full = { ...base, label: '24小时', rrule: 'FREQ=WEEKLY;BYDAY=SA,SU', start: '08:00', end: '08:00' };
    const res = await coord.put(`/posts/${postId}/patterns`, { patterns: [night, full], revision: 0 });
    expect(res.status).toBe(200);
    const preview = await coord.post('/shift-patterns/preview', { pattern: night, from: '2026-09-07', count: 2, opensOnHolidays: true });
    expect(preview.status).toBe(200);
    expect(preview.body.occurrences[0]).toMatchObject({ day: '2026-09-07', nextDay: true, startsAt: '2026-09-07T12:00:00.000Z', endsAt: '2026-09-08T00:00:00.000Z' });
    const day = await coord.post('/shift-patterns/preview', { pattern: full, from: '2026-09-12', count: 1, opensOnHolidays: true });
    expect(day.body.occurrences[0]).toMatchObject({ startsAt: '2026-09-12T00:00:00.000Z', endsAt: '2026-09-13T00:00:00.000Z' });
  });

  it('when a preview names a bad zone or a far-off first day, then 400 invalid_preview instead of a server error', async () => {
    const zone = await coord.post('/shift-patterns/preview', { pattern: base, from: '2026-09-07', timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(zone.body.error).toMatchObject({ code: 'invalid_preview', details: { reason: 'ZONE_UNKNOWN' } });
    const far = await coord.post('/shift-patterns/preview', { pattern: base, from: '9999-12-01' });
    expect(far.status).toBe(400);
    expect(far.body.error.details.reason).toBe('DATE_OUT_OF_RANGE');
  });

  it('when a never-matching rule is previewed while health is asked, then the preview is refused and health answers', async () => {
    const [preview, health] = await Promise.all([
      coord.post('/shift-patterns/preview', { pattern: { ...base, rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' }, from: '2026-09-07' }),
      coord.get('/health'),
    ]);
    expect(preview.status).toBe(400);
    expect(preview.body.error.details.reason).toBe('RULE_NEVER_MATCHES');
    expect(health.status).toBe(200);
  });
});

describe('previews off the request thread', () => {
  const job = {
    pattern: { id: 'p', rrule: 'FREQ=DAILY', dtstart: '2026-09-01', start: '09:00', end: '11:30' },
    timeZone: 'Asia/Shanghai',
    from: '2026-09-01',
    count: 5,
    opensOnHolidays: true,
    opensOnMakeUpDays: true,
    calendar: { holidays: {}, makeUpDays: {} },
  };

  it('when a preview computes in the worker, then the event loop keeps turning meanwhile', async () => {
    const runner = createPreviewRunner();
    const order: string[] = [];
    const answer = runner.run(job).then((r) => order.push(`preview:${r.occurrences.length}`));
    await new Promise((resolve) => setImmediate(resolve));
    order.push('loop');
    await answer;
    expect(order).toEqual(['loop', 'preview:5']);
    await runner.close();
  });

  it('when a preview runs past its time limit, then it answers 422 preview_too_slow and the next one gets a fresh thread', async () => {
    const strict = createPreviewRunner(0);
    await expect(strict.run({ ...job, count: 60 })).rejects.toMatchObject({ code: 'preview_too_slow', status: 422 });
    await strict.close();
    const runner = createPreviewRunner();
    await expect(runner.run(job)).resolves.toMatchObject({ occurrences: expect.any(Array) });
    await runner.close();
  });
});
