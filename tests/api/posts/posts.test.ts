import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { PostModel } from '../../../api/src/modules/posts/posts.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, useApp, type Client } from '../../support/zhiban';

useTestDatabase();
const app = useApp();
let staff: Client;
let hotline: Client;

const court = {
  kind: 'court',
  name: '玄武区人民法院法律援助工作站',
  code: 'XW-COURT',
  district: '玄武区',
  address: '南京市玄武区北京东路1号',
  location: { lat: 32.06, lng: 118.8 },
  geofenceRadiusM: 150,
  openingHours: [
    { days: [1, 2, 3, 4, 5], start: '09:00', end: '11:30' },
    { days: [1, 2, 3, 4, 5], start: '14:30', end: '17:30' },
  ],
  lawyersPerShift: 2,
  channel: 'on_site',
};

beforeAll(async () => {
  await createAccount('coord', 'coordinator');
  await createAccount('hot', 'hotline');
  staff = await app.as('coord');
  hotline = await app.as('hot');
});

describe('posts', () => {
  let id = '';

  it('when staff create a post, then it is stored with defaults and audited', async () => {
    const res = await staff.post('/posts', court);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...court, timeZone: 'Asia/Shanghai', opensOnHolidays: false, opensOnMakeUpDays: true, active: true });
    id = res.body.id;
    expect(await PostModel.countDocuments({ code: 'XW-COURT' })).toBe(1);
    const audit = await AuditModel.findOne({ entityId: id, action: 'post.create' }).lean();
    expect(audit!.after).toMatchObject({ code: 'XW-COURT' });
  });

  it('when the code is taken, then 409 post_code_taken and nothing is added', async () => {
    const res = await staff.post('/posts', { ...court, name: '另一个' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('post_code_taken');
    expect(await PostModel.countDocuments()).toBe(1);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Asia/Nowhere' }],
    ['opening hours ending before they start', { openingHours: [{ days: [1], start: '17:00', end: '09:00' }] }],
    ['a bad time', { openingHours: [{ days: [1], start: '9:00', end: '11:30' }] }],
    ['an unknown kind', { kind: 'prison' }],
    ['an unknown channel', { channel: 'fax' }],
    ['latitude out of range', { location: { lat: 100, lng: 118 } }],
    ['no lawyers per shift', { lawyersPerShift: 0 }],
    ['a lower-case code', { code: 'xw-court-2' }],
  ])('when a post has %s, then 400 validation_failed and nothing is added', async (_label, patch) => {
    const res = await staff.post('/posts', { ...court, code: 'NEW-ONE', ...patch });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.length).toBeGreaterThan(0);
    expect(await PostModel.countDocuments()).toBe(1);
  });

  it('when staff update a post, then the change is stored and audited with before and after', async () => {
    const res = await staff.patch(`/posts/${id}`, { lawyersPerShift: 3, opensOnHolidays: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lawyersPerShift: 3, opensOnHolidays: true });
    const audit = await AuditModel.findOne({ entityId: id, action: 'post.update' }).lean();
    expect(audit!.before).toMatchObject({ lawyersPerShift: 2 });
    expect(audit!.after).toMatchObject({ lawyersPerShift: 3 });
  });

  it('when a post is deactivated, then it leaves the default list but stays stored; activate brings it back', async () => {
    expect((await staff.post(`/posts/${id}/deactivate`)).body.active).toBe(false);
    expect((await hotline.get('/posts')).body).toHaveLength(0);
    expect((await hotline.get('/posts?active=all')).body).toHaveLength(1);
    expect(await PostModel.countDocuments({ _id: id, active: false })).toBe(1);
    expect((await staff.post(`/posts/${id}/activate`)).body.active).toBe(true);
  });

  it('when a hotline operator tries to change a post, then 403 and nothing changes', async () => {
    const res = await hotline.patch(`/posts/${id}`, { name: 'x' });
    expect(res.status).toBe(403);
    expect((await PostModel.findById(id).lean())!.name).toBe(court.name);
  });

  it('when the id is malformed or unknown, then 400 or 404 with a code', async () => {
    expect((await staff.get('/posts/not-an-id')).body.error.code).toBe('validation_failed');
    const missing = await staff.get('/posts/0123456789abcdef01234567');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('post_not_found');
  });
});
