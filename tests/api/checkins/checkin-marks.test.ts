import { FERRETDB_POOL_SIZE } from '../../../api/src/db/capabilities';
import { PENDING_STALE_MS, backfillMarks, beginMarkChange, dayMarks, findMarks, markKey, marksState, type MarkDoc } from '../../../api/src/modules/checkins/checkin-marks.repository';
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

/** A day's marks as stored: `<markKey>-<kind>` → the document. */
const dayDoc = async (day: string) => new Map(((await dayMarks(day).find({}).toArray()) as MarkDoc[]).map((d) => [d._id, d]));

describe('check-in marks', () => {
  it('when a duty is checked in and out, then the collection of its day holds both times and nothing pending', async () => {
    const duty = dutyOn('2026-06-01');
    await insertCheckin(checkin(duty, 'in', '2026-06-01T00:55:00Z'));
    await insertCheckin(checkin(duty, 'out', '2026-06-01T03:31:00Z'));
    expect(await findMarks([duty])).toEqual([
      { dutyKey: duty.dutyKey, kind: 'in', at: new Date('2026-06-01T00:55:00Z') },
      { dutyKey: duty.dutyKey, kind: 'out', at: new Date('2026-06-01T03:31:00Z') },
    ]);
    const key = markKey(duty.dutyKey);
    expect([...(await dayDoc('2026-06-01')).values()]).toEqual([
      { _id: `${key}-in`, at: new Date('2026-06-01T00:55:00Z') },
      { _id: `${key}-out`, at: new Date('2026-06-01T03:31:00Z') },
    ]);
  });

  it('when a second check-in of the same duty is refused, then the first time stays and nothing is left pending', async () => {
    const duty = dutyOn('2026-06-02');
    expect(await insertCheckin(checkin(duty, 'in', '2026-06-02T00:50:00Z'))).not.toBeNull();
    expect(await insertCheckin({ ...checkin(duty, 'in', '2026-06-02T00:58:00Z'), idempotencyKey: 'another' })).toBeNull();
    expect(await findMarks([duty])).toEqual([{ dutyKey: duty.dutyKey, kind: 'in', at: new Date('2026-06-02T00:50:00Z') }]);
    expect([...(await dayDoc('2026-06-02')).values()]).toEqual([{ _id: `${markKey(duty.dutyKey)}-in`, at: new Date('2026-06-02T00:50:00Z') }]);
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
    expect([...(await dayDoc('2026-06-03')).values()]).toEqual([{ _id: `${markKey(stored.dutyKey)}-in`, at: new Date('2026-06-03T00:57:00Z') }]);
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
    expect((await dayDoc('2026-08-03')).get(`${markKey(august.dutyKey)}-in`)?.at).toEqual(new Date('2026-08-03T01:20:00Z'));
  });

  it('when many duties of one day are checked in at the same moment over every connection, then each keeps its mark', async () => {
    for (let round = 0; round < 5; round++) {
      const day = `2026-09-0${round + 1}`;
      const duties = Array.from({ length: FERRETDB_POOL_SIZE * 2 }, (_, i) => dutyOn(day, `${String(800 + i).padStart(4, '0')}-1130`));
      const stored = await Promise.all(duties.map((d) => insertCheckin(checkin(d, 'in', `${day}T00:55:00Z`))));
      expect(stored.every((c) => c !== null)).toBe(true);
      const marks = await findMarks(duties);
      expect(marks.map((m) => m.dutyKey).sort()).toEqual(duties.map((d) => d.dutyKey).sort());
    }
  });

  it("when the same check-in races itself, then one record is stored and its mark holds that record's time", async () => {
    const duty = dutyOn('2026-09-10');
    const times = Array.from({ length: FERRETDB_POOL_SIZE }, (_, i) => `2026-09-10T00:5${i % 10}:00Z`);
    const stored = await Promise.all(times.map((t, i) => insertCheckin({ ...checkin(duty, 'in', t), idempotencyKey: `race-${i}` })));
    const winner = stored.filter((c) => c !== null);
    expect(winner).toHaveLength(1);
    expect(await findMarks([duty])).toEqual([{ dutyKey: duty.dutyKey, kind: 'in', at: winner[0]!.at }]);
    expect([...(await dayDoc('2026-09-10')).values()].every((d) => d.pending === undefined)).toBe(true);
  });
});
