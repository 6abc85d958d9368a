import { monthCollection } from '../../../api/src/db/partitions';
import { RECORD_MARKS, addToMark, findMark, findMarks, moveEarlierRecordMarks, setMarkFlag } from '../../../api/src/modules/records/record-marks.repository';
import { DutyRecordMarkModel, type DutyRecordDoc } from '../../../api/src/modules/records/records.model';
import { useTestDatabase } from '../../support/db';

useTestDatabase();

const LAWYER = '65c000000000000000000001';
const dutyOn = (day: string, start = '0900-1130') => `65a000000000000000000001:65b000000000000000000001:${day}:${start}:${LAWYER}`;
const record = (dutyKey: string, day: string, id: string, kind: DutyRecordDoc['kind'] = 'consultation') => ({ _id: id, dutyKey, lawyerId: LAWYER, day, kind, title: `${kind} ${id}`, createdAt: new Date(`${day}T04:00:00Z`) });

describe('duty record marks by month', () => {
  it('when records are added to a duty, then its mark in the month of its day counts each record once', async () => {
    const duty = dutyOn('2026-06-01');
    await addToMark(record(duty, '2026-06-01', 'r1'));
    await addToMark(record(duty, '2026-06-01', 'r1'));
    await addToMark(record(duty, '2026-06-01', 'r2', 'plea_witness'));
    expect(await setMarkFlag(duty, LAWYER, '2026-06-01', 'toldAt', new Date('2026-06-02T16:00:00Z'))).toBe(true);
    expect(await setMarkFlag(duty, LAWYER, '2026-06-01', 'toldAt', new Date('2026-06-03T16:00:00Z'))).toBe(false);
    const mark = await findMark(duty);
    expect(mark).toMatchObject({ recordIds: ['r1', 'r2'], kinds: { consultation: 1, plea_witness: 1 }, toldAt: new Date('2026-06-02T16:00:00Z'), proposedAt: null });
    expect(await monthCollection(RECORD_MARKS, '2026-06').countDocuments({ _id: duty })).toBe(1);
  });

  it('when marks were kept in one collection by an earlier version, then they move into the month collections once, and read as before', async () => {
    const june = dutyOn('2026-06-15');
    const july = dutyOn('2026-07-02');
    const flagged = dutyOn('2026-07-03', '1430-1730');
    await DutyRecordMarkModel.insertMany([
      { _id: june, lawyerId: LAWYER, day: '2026-06-15', recordIds: ['a'], items: [{ id: 'a', kind: 'consultation', title: '咨询', at: new Date('2026-06-15T03:00:00Z') }], kinds: { consultation: 1 }, toldAt: null, proposedAt: null },
      { _id: july, lawyerId: LAWYER, day: '2026-07-02', recordIds: ['b', 'c'], items: [], kinds: { consultation: 2 }, toldAt: null, proposedAt: null },
      { _id: flagged, lawyerId: LAWYER, day: '2026-07-03', recordIds: [], items: [], kinds: {}, toldAt: new Date('2026-07-04T16:00:00Z'), proposedAt: new Date('2026-07-05T16:00:00Z') },
    ]);
    // A move interrupted earlier had copied one of them already.
    await monthCollection(RECORD_MARKS, '2026-07').insertOne({ _id: july, lawyerId: LAWYER, day: '2026-07-02', recordIds: ['b', 'c'], items: [], kinds: { consultation: 2 }, toldAt: null, proposedAt: null } as never);

    expect(await moveEarlierRecordMarks()).toBe(3);
    expect(await DutyRecordMarkModel.countDocuments()).toBe(0);
    expect(await moveEarlierRecordMarks()).toBe(0);
    const marks = await findMarks([june, july, flagged, dutyOn('2026-07-04')]);
    expect([...marks.keys()].sort()).toEqual([june, july, flagged].sort());
    expect(marks.get(june)!.items).toEqual([{ id: 'a', kind: 'consultation', title: '咨询', at: new Date('2026-06-15T03:00:00Z') }]);
    expect(marks.get(flagged)).toMatchObject({ toldAt: new Date('2026-07-04T16:00:00Z'), proposedAt: new Date('2026-07-05T16:00:00Z') });
    expect(await setMarkFlag(flagged, LAWYER, '2026-07-03', 'proposedAt', new Date('2026-07-06T16:00:00Z'))).toBe(false);
  });
});
