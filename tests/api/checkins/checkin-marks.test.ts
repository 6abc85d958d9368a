import { monthCollection } from '../../../api/src/db/partitions';
import {
  MARKS,
  PENDING_STALE_MS,
  backfillMarks,
  beginMarkChange,
  findMarks,
  markKey,
  marksState,
  type DayMarksDoc,
} from '../../../api/src/modules/checkins/checkin-marks.repository';
import { CheckinModel, type CheckinDoc } from '../../../api/src/modules/checkins/checkins.model';
import { findMarksOfDuties, insertCheckin } from '../../../api/src/modules/checkins/checkins.repository';
import { deleteCheckout } from '../../../api/src/modules/checkins/checkout-undo.repository';
import { useTestDatabase } from '../../support/db';

useTestDatabase();

const ROTA = '65a000000000000000000001';
const POST = '65b000000000000000000001';
const LAWYER = '65c000000000000000000001';
const dutyOn = (day: string, start = '0900-1130') => ({ dutyKey: `${ROTA}:${POST}:${day}:${start}:${LAWYER}`, day });

function checkin(duty: { dutyKey: string; day: string }, kind: 'in' | 'out', at: string): Omit<CheckinDoc, '_id'> {
  return {
    dutyKey: duty.dutyKey,
    kind,
    lawyerId: LAWYER,
    userId: 'test',
    idempotencyKey: `${duty.dutyKey}-${kind}`,
    postId: POST,
    rotaId: ROTA,
    slotId: `${POST}:${duty.day}:0900-1130`,
    day: duty.day,
    at: new Date(at),
    location: null,
    distanceM: null,
    countersigned: false,
    codeWindow: 0,
  };
}

const dayDoc = async (day: string) => (await monthCollection(MARKS, day.slice(0, 7)).findOne({ _id: day })) as DayMarksDoc | null;

describe('check-in marks', () => {
  it('when a duty is checked in and out, then the day document of its month holds both times and nothing pending', async () => {
    const duty = dutyOn('2026-06-01');
    await insertCheckin(checkin(duty, 'in', '2026-06-01T00:55:00Z'));
    await insertCheckin(checkin(duty, 'out', '2026-06-01T03:31:00Z'));
    expect(await findMarks([duty])).toEqual([
      { dutyKey: duty.dutyKey, kind: 'in', at: new Date('2026-06-01T00:55:00Z') },
      { dutyKey: duty.dutyKey, kind: 'out', at: new Date('2026-06-01T03:31:00Z') },
    ]);
    const stored = await dayDoc('2026-06-01');
    const key = markKey(duty.dutyKey);
    expect([stored!.in![key], stored!.out![key]]).toEqual([new Date('2026-06-01T00:55:00Z'), new Date('2026-06-01T03:31:00Z')]);
    expect(stored!.pending).toEqual({});
  });

  it('when a second check-in of the same duty is refused, then the first time stays and nothing is left pending', async () => {
    const duty = dutyOn('2026-06-02');
    expect(await insertCheckin(checkin(duty, 'in', '2026-06-02T00:50:00Z'))).not.toBeNull();
    expect(await insertCheckin({ ...checkin(duty, 'in', '2026-06-02T00:58:00Z'), idempotencyKey: 'another' })).toBeNull();
    expect(await findMarks([duty])).toEqual([{ dutyKey: duty.dutyKey, kind: 'in', at: new Date('2026-06-02T00:50:00Z') }]);
    expect((await dayDoc('2026-06-02'))!.pending).toEqual({});
  });

  it('when the process stopped between a check-in and its mark, then a reader after the grace time takes the mark from the record, and drops an announcement without one', async () => {
    const stored = dutyOn('2026-06-03');
    const never = dutyOn('2026-06-03', '1430-1730');
    // The record was written, its mark was not; the other change never reached the record.
    await beginMarkChange(stored, 'in');
    await CheckinModel.create({ _id: `${stored.dutyKey}:in`, ...checkin(stored, 'in', '2026-06-03T00:57:00Z') });
    await beginMarkChange(never, 'in');
    // Within the grace time the change may still be under way: no mark yet.
    expect(await findMarks([stored, never])).toEqual([]);
    expect(await findMarks([stored, never], Date.now() + PENDING_STALE_MS + 1000)).toEqual([{ dutyKey: stored.dutyKey, kind: 'in', at: new Date('2026-06-03T00:57:00Z') }]);
    const doc = await dayDoc('2026-06-03');
    expect(doc!.in).toEqual({ [markKey(stored.dutyKey)]: new Date('2026-06-03T00:57:00Z') });
    expect(doc!.pending).toEqual({});
  });

  it('when a check-out is undone, then its mark goes with it and the check-in stays', async () => {
    const duty = dutyOn('2026-06-04');
    await insertCheckin(checkin(duty, 'in', '2026-06-04T00:59:00Z'));
    await insertCheckin(checkin(duty, 'out', '2026-06-04T02:00:00Z'));
    expect(await deleteCheckout(duty.dutyKey, new Date('2026-06-04T02:00:00Z'))).toBe(true);
    expect(await findMarks([duty])).toEqual([{ dutyKey: duty.dutyKey, kind: 'in', at: new Date('2026-06-04T00:59:00Z') }]);
  });

  it('when check-ins were stored before marks existed, then they are read one by one until the marks are built once from them', async () => {
    const july = dutyOn('2026-07-01');
    const august = dutyOn('2026-08-03');
    await CheckinModel.collection.insertMany([
      { _id: `${july.dutyKey}:in`, ...checkin(july, 'in', '2026-07-01T00:56:00Z') },
      { _id: `${july.dutyKey}:out`, ...checkin(july, 'out', '2026-07-01T03:35:00Z') },
      { _id: `${august.dutyKey}:in`, ...checkin(august, 'in', '2026-08-03T01:20:00Z') },
    ] as never[]);
    expect(await findMarksOfDuties([july, august])).toEqual([]);
    marksState.complete = false;
    expect(await findMarksOfDuties([july, august])).toHaveLength(3);
    marksState.complete = true;

    expect(await backfillMarks()).toBe(await CheckinModel.countDocuments());
    expect(marksState.complete).toBe(true);
    expect(await backfillMarks()).toBe(0);
    expect(await findMarksOfDuties([july, august])).toEqual([
      { dutyKey: july.dutyKey, kind: 'in', at: new Date('2026-07-01T00:56:00Z') },
      { dutyKey: july.dutyKey, kind: 'out', at: new Date('2026-07-01T03:35:00Z') },
      { dutyKey: august.dutyKey, kind: 'in', at: new Date('2026-08-03T01:20:00Z') },
    ]);
    expect((await dayDoc('2026-08-03'))!.in).toEqual({ [markKey(august.dutyKey)]: new Date('2026-08-03T01:20:00Z') });
  });
});
