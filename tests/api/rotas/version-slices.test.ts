import { gunzipSync } from 'node:zlib';
import { monthCollection } from '../../../api/src/db/partitions';
import { RotaVersionModel, type SlotFields } from '../../../api/src/modules/rotas/rotas.model';
import { findCurrentDuties, writeDuties } from '../../../api/src/modules/rotas/rotas.repository';
import { SLICES, versionSlotsBetween } from '../../../api/src/modules/rotas/version-slices.repository';
import { useTestDatabase } from '../../support/db';

useTestDatabase();

const POST = '65b000000000000000000001';
const LAWYER = '65c000000000000000000001';

function slot(day: string): SlotFields {
  return {
    id: `${POST}:${day}:0900-1130`,
    postId: POST,
    day,
    localStart: '09:00',
    localEnd: '11:30',
    start: new Date(`${day}T01:00:00Z`),
    end: new Date(`${day}T03:30:00Z`),
    lawyersNeeded: 1,
    holiday: false,
    makeUpDay: false,
    weekendOrHoliday: false,
    early: false,
    late: false,
    lawyerIds: [LAWYER],
    pinnedLawyerIds: [],
  };
}

const days = ['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02'];

describe('version slices', () => {
  it('when a version is published, then its slots are stored by month and duties of a period read only its months', async () => {
    const rotaId = '65a000000000000000000001';
    await writeDuties(rotaId, 1, days.map(slot), { from: '2026-06-29', to: '2026-07-02' });
    const june = (await monthCollection(SLICES, '2026-06').findOne({ _id: `${rotaId}:1` })) as { slots: { buffer: Uint8Array } } | null;
    expect((JSON.parse(gunzipSync(june!.slots.buffer).toString()) as SlotFields[]).map((s) => s.day)).toEqual(['2026-06-29', '2026-06-30']);
    const duties = await findCurrentDuties({ from: '2026-06-30', to: '2026-07-01' });
    expect(duties.map((d) => [d.day, d.lawyerId, d.start.toISOString()])).toEqual([
      ['2026-06-30', LAWYER, '2026-06-30T01:00:00.000Z'],
      ['2026-07-01', LAWYER, '2026-07-01T01:00:00.000Z'],
    ]);
  });

  it('when a version was stored without slices (by an earlier version), then the first read cuts them from it', async () => {
    const rotaId = '65a000000000000000000002';
    await RotaVersionModel.create({ _id: `${rotaId}:3`, rotaId, version: 3, slots: days.map(slot), publishedAt: new Date('2026-06-20T02:00:00Z'), publishedBy: 'earlier', reason: null, changes: [] });
    expect(await monthCollection(SLICES, '2026-07').findOne({ _id: `${rotaId}:3` })).toBeNull();
    const july = await versionSlotsBetween(rotaId, 3, '2026-07-02', '2026-07-31');
    expect(july.map((s) => [s.day, s.end])).toEqual([['2026-07-02', new Date('2026-07-02T03:30:00Z')]]);
    expect(await monthCollection(SLICES, '2026-07').findOne({ _id: `${rotaId}:3` })).not.toBeNull();
    expect(await monthCollection(SLICES, '2026-06').findOne({ _id: `${rotaId}:3` })).not.toBeNull();
  });
});
