import { PublicationModel } from '../../../api/src/modules/rotas/rotas.model';
import { findCurrentDuties, writeDuties } from '../../../api/src/modules/rotas/rotas.repository';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../support/db';

useTestDatabase();
const rotaId = new Types.ObjectId().toHexString();

const slot = (id: string, day: string, lawyerIds: string[]) => ({
  id,
  postId: 'p1',
  day,
  localStart: '09:00',
  localEnd: '11:30',
  start: new Date(`${day}T01:00:00Z`),
  end: new Date(`${day}T03:30:00Z`),
  lawyersNeeded: lawyerIds.length,
  holiday: false,
  makeUpDay: false,
  weekendOrHoliday: false,
  early: true,
  late: false,
  lawyerIds,
  pinnedLawyerIds: [],
});

it('when a version is stored twice, then it is current once, and readers filter its duties by day, post and lawyer', async () => {
  const slots = [slot('p1:2026-12-01:0900', '2026-12-01', ['a', 'b']), slot('p1:2026-12-02:0900', '2026-12-02', ['c'])];
  expect(await writeDuties(rotaId, 1, slots)).toBe(3);
  expect(await writeDuties(rotaId, 1, slots)).toBe(3);
  expect(await PublicationModel.countDocuments({ _id: rotaId })).toBe(1);
  expect((await findCurrentDuties({ from: '2026-12-01', to: '2026-12-31' })).map((d) => d.lawyerId)).toEqual(['a', 'b', 'c']);
  expect((await findCurrentDuties({ from: '2026-12-02', to: '2026-12-02' })).map((d) => d.lawyerId)).toEqual(['c']);
  expect((await findCurrentDuties({ from: '2026-12-01', to: '2026-12-31', lawyerId: 'b' })).map((d) => d.slotId)).toEqual(['p1:2026-12-01:0900']);
  expect(await findCurrentDuties({ from: '2026-12-01', to: '2026-12-31', postId: 'p2' })).toEqual([]);
});
