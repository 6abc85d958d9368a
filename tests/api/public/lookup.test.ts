import type { Duty } from '../../../api/src/contracts/rotas';
import { publicDutySchema } from '../../../api/src/contracts/public';
import { gunzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { monthCollection, partitionMonths } from '../../../api/src/db/partitions';
import { DutyTimelineModel, TIMELINES, type DutyTimelineDoc, type TimelineDoc } from '../../../api/src/modules/rotas/timeline.model';
import { backfillTimelines } from '../../../api/src/modules/rotas/rotas.timeline';
import { findRota, findVersion, listAllVersionKeys } from '../../../api/src/modules/rotas/rotas.repository';
import { useTestDatabase } from '../../support/db';
import { buildWorld, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { Client, createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
// Published on 2026-05-20; the week of Monday 2026-06-01 (09:00–11:30 and 14:30–17:30 local, UTC+8).
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const app = useApp(() => ({ clock, session }));
const services = () => app.services();

let coord: Client;
let anon: Client;
let world: World;
let rotaId = '';
const lawyerClients = new Map<string, Client>();

const lookup = (post: string, at: string) => anon.get(`/public/duty?post=${encodeURIComponent(post)}&at=${encodeURIComponent(at)}`);
const namesAt = async (at: string) => ((await lookup(world.posts[0]!.code, at)).body.lawyers as { name: string }[]).map((l) => l.name);
const nameOf = (id: string) => world.lawyers.find((l) => l.id === id)!.name;
const dutiesOn = (day: string): Promise<Duty[]> => services().rotas.duties({ from: day, to: day, postId: world.posts[0]!.id });

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  const admin = await app.as('admin');
  coord = await app.as('coord');
  anon = app.client();
  world = await buildWorld(admin, 1, 8);
  for (const [i, l] of world.lawyers.entries()) {
    await lawyerAccount(`pl${i}`, l.id);
    lawyerClients.set(l.id, await app.as(`pl${i}`));
  }
  rotaId = await publishRota(coord, services(), [world.posts[0]!.id], '2026-06-01', '2026-06-05');
});

describe('the public lookup', () => {
  it('when asked for a post by code (any case) or id at a time on duty, then it names the lawyer, licence, firm and shift, and nothing private', async () => {
    const [duty] = (await dutiesOn('2026-06-01')).filter((d) => d.localStart === '09:00');
    const byCode = await lookup(world.posts[0]!.code.toLowerCase(), '2026-06-01T09:30:00+08:00');
    expect(byCode.status).toBe(200);
    expect(publicDutySchema.parse(byCode.body)).toEqual(byCode.body);
    expect(byCode.body.lawyers).toEqual([
      {
        name: nameOf(duty!.lawyerId),
        licenceNo: expect.any(String),
        firm: expect.stringContaining('测试律师事务所'),
        shift: { start: '2026-06-01T01:00:00.000Z', end: '2026-06-01T03:30:00.000Z', day: '2026-06-01', localStart: '09:00', localEnd: '11:30' },
        checkedIn: false,
        checkedInAt: null,
      },
    ]);
    expect(byCode.body.reason).toBeUndefined();
    const byId = await lookup(world.posts[0]!.id, '2026-06-01T01:30:00Z');
    expect(byId.body.lawyers).toEqual(byCode.body.lawyers);
    expect(JSON.stringify(byCode.body)).not.toMatch(/"(phone|idNumber|contactPhone)"/);
  });

  it('when the post is closed then, no rota covers the day, or the post is unknown, then three different answers', async () => {
    const closed = await lookup(world.posts[0]!.code, '2026-06-01T12:30:00+08:00');
    expect([closed.status, closed.body.lawyers, closed.body.reason]).toEqual([200, [], 'closed']);
    const weekend = await lookup(world.posts[0]!.code, '2026-06-06T10:00:00+08:00');
    expect([weekend.status, weekend.body.reason]).toEqual([200, 'no_rota']);
    const before = await lookup(world.posts[0]!.code, '2026-05-10T10:00:00+08:00');
    expect(before.body.reason).toBe('no_rota');
    const unknown = await lookup('NO-SUCH-POST', '2026-06-01T10:00:00+08:00');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'post_not_found']);
    const bad = await anon.get(`/public/duty?post=${world.posts[0]!.code}&at=yesterday`);
    expect(bad.status).toBe(400);
  });

  it('when a duty is looked up before its rota was published, then no rota was published for it at that moment', async () => {
    // The rota was published on 2026-05-20 10:00 local: a moment before it, it did not exist yet.
    const res = await lookup(world.posts[0]!.code, '2026-05-20T01:59:59.999Z');
    expect(res.body.reason).toBe('no_rota');
  });

  it('when an amendment replaces the lawyer during the shift, then the answer changes exactly at the amendment’s publication', async () => {
    const morning = (await dutiesOn('2026-06-01')).find((d) => d.localStart === '09:00')!;
    const busy = new Set((await dutiesOn('2026-06-01')).map((d) => d.lawyerId));
    const replacement = world.lawyers.find((l) => !busy.has(l.id))!;
    clock.set('2026-06-01T02:00:00Z');
    const rota = (await coord.get(`/rotas/${rotaId}`)).body;
    const amended = await coord.patch(`/rotas/${rotaId}/assignments`, { revision: rota.revision, edits: [{ slotId: morning.slotId, lawyerIds: [replacement.id] }], reason: '原值班律师突发疾病' });
    expect(amended.status).toBe(200);
    const versions = (await coord.get(`/rotas/${rotaId}/versions`)).body;
    expect(versions[0].publishedAt).toBe('2026-06-01T02:00:00.000Z');

    expect(await namesAt('2026-06-01T01:59:59.999Z')).toEqual([nameOf(morning.lawyerId)]);
    expect(await namesAt('2026-06-01T02:00:00.000Z')).toEqual([replacement.name]);
    expect(await namesAt('2026-06-01T01:10:00.000Z')).toEqual([nameOf(morning.lawyerId)]);
    // Stored: one timeline document for the post in the month's collection, with both versions.
    const stored = (await monthCollection(TIMELINES, '2026-06').findOne({ _id: `${world.posts[0]!.id}:2026-06` })) as TimelineDoc | null;
    expect(stored!.entries.map((e) => e.version)).toEqual([1, 2]);
    expect(stored!.entries.every((e) => e.slotsGz !== undefined && e.slots === undefined)).toBe(true);
  });

  it('when staff approve a swap during the shift, then the partner is listed from the approval on', async () => {
    clock.set('2026-06-02T00:00:00Z');
    const day = '2026-06-03';
    const duty = (await dutiesOn(day)).find((d) => d.localStart === '14:30')!;
    const busy = new Set((await dutiesOn(day)).map((d) => d.lawyerId));
    let swap: { id: string } | null = null;
    let partnerId = '';
    for (const l of world.lawyers.filter((x) => !busy.has(x.id))) {
      const res = await lawyerClients.get(duty.lawyerId)!.post('/swaps', { rotaId, slotId: duty.slotId, partnerLawyerId: l.id, note: '家中有事' });
      if (res.status === 201) {
        swap = res.body;
        partnerId = l.id;
        break;
      }
    }
    expect(swap).not.toBeNull();
    expect((await lawyerClients.get(partnerId)!.post(`/swaps/${swap!.id}/accept`)).body.status).toBe('accepted');
    clock.set('2026-06-03T07:00:00Z');
    const approved = await coord.post(`/swaps/${swap!.id}/decide`, { approve: true, note: '同意' });
    expect(approved.body.status).toBe('approved');

    const before = await lookup(world.posts[0]!.code, '2026-06-03T06:59:59.999Z');
    expect(before.body.lawyers.map((l: { name: string }) => l.name)).toEqual([nameOf(duty.lawyerId)]);
    const after = await lookup(world.posts[0]!.code, '2026-06-03T07:00:00.000Z');
    expect(after.body.lawyers.map((l: { name: string }) => l.name)).toEqual([nameOf(partnerId)]);
  });

  it('when the public asks for the posts, then only active posts with public fields come back', async () => {
    const res = await anon.get('/public/posts');
    expect(res.status).toBe(200);
    expect(res.body.map((p: { code: string }) => p.code)).toEqual([world.posts[0]!.code]);
    expect(Object.keys(res.body[0]).sort()).toEqual(['address', 'channel', 'code', 'district', 'id', 'kind', 'location', 'name', 'openingHours', 'timeZone']);
  });

  it('when a database has rotas published before timelines existed, then they are built once from the stored versions with the same answers', async () => {
    const before = await namesAt('2026-06-01T01:59:59.999Z');
    const after = await namesAt('2026-06-01T02:00:00.000Z');
    await dropTimelines();
    expect((await lookup(world.posts[0]!.code, '2026-06-01T02:00:00.000Z')).body.reason).toBe('no_rota');
    const load = { versions: listAllVersionKeys, rota: findRota, version: findVersion };
    expect(await backfillTimelines(load)).toBeGreaterThan(0);
    expect(await backfillTimelines(load)).toBe(0);
    expect(await namesAt('2026-06-01T01:59:59.999Z')).toEqual(before);
    expect(await namesAt('2026-06-01T02:00:00.000Z')).toEqual(after);
  });

  it('when a database kept its timelines in one collection (slots as arrays), then they move into the month collections once, with the same answers', async () => {
    const before = await namesAt('2026-06-01T01:59:59.999Z');
    const after = await namesAt('2026-06-01T02:00:00.000Z');
    const current = (await monthCollection(TIMELINES, '2026-06').find({}).toArray()) as unknown as TimelineDoc[];
    const earlier: DutyTimelineDoc[] = current.map((d) => ({
      ...d,
      entries: d.entries.map(({ slotsGz, ...e }) => ({
        ...e,
        slots: (JSON.parse(gunzipSync((slotsGz as { buffer: Uint8Array }).buffer).toString()) as DutyTimelineDoc['entries'][number]['slots']).map((x) => ({ ...x, start: new Date(x.start), end: new Date(x.end) })),
      })),
    }));
    await dropTimelines();
    await DutyTimelineModel.insertMany(earlier);
    const load = { versions: listAllVersionKeys, rota: findRota, version: findVersion };
    expect(await backfillTimelines(load)).toBe(earlier.length);
    expect(await DutyTimelineModel.countDocuments()).toBe(0);
    const moved = (await monthCollection(TIMELINES, '2026-06').find({}).toArray()) as unknown as TimelineDoc[];
    expect(moved.map((d) => [d._id, d.entries.map((e) => e.version)]).sort()).toEqual(current.map((d) => [d._id, d.entries.map((e) => e.version)]).sort());
    expect(await backfillTimelines(load)).toBe(0);
    expect(await namesAt('2026-06-01T01:59:59.999Z')).toEqual(before);
    expect(await namesAt('2026-06-01T02:00:00.000Z')).toEqual(after);
  });
});

async function dropTimelines(): Promise<void> {
  for (const month of await partitionMonths(TIMELINES)) await monthCollection(TIMELINES, month).drop();
  await mongoose.connection.db!.collection('read_models').deleteMany({});
}
