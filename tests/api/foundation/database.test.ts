import mongoose, { Schema } from 'mongoose';
import { useTestDatabase } from '../../support/db';

interface Note {
  key: string;
  body: string;
  day: string;
  count: number;
}

const Note = mongoose.model<Note>(
  'FoundationNote',
  new Schema<Note>({
    key: { type: String, required: true, unique: true },
    body: { type: String, required: true },
    day: { type: String, required: true },
    count: { type: Number, default: 0 },
  }),
);

describe('the database through mongoose', () => {
  useTestDatabase();

  it('when a document is saved, then it reads back as stored', async () => {
    await Note.create({ key: 'a', body: '值班律师', day: '2026-11-29' });
    const found = await Note.findOne({ key: 'a' }).lean();
    expect(found).toMatchObject({ key: 'a', body: '值班律师', day: '2026-11-29', count: 0 });
  });

  it('when a unique key is reused, then the write fails with E11000 and nothing changes', async () => {
    await Note.create({ key: 'b', body: 'first', day: '2026-11-29' });
    await expect(Note.create({ key: 'b', body: 'second', day: '2026-11-30' })).rejects.toMatchObject({ code: 11000 });
    const all = await Note.find({ key: 'b' }).lean();
    expect(all.map((n) => n.body)).toEqual(['first']);
  });

  it('when inserts of one unique key race over several connections, then exactly one succeeds (race-sensitive steps are such inserts, db/claims.ts)', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => Note.create({ key: 'c', body: `racer ${i}`, day: '2026-11-29' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(7).fill(11000));
    expect(await Note.countDocuments({ key: 'c' })).toBe(1);
  });

  it('when grouping by a stored day, then $group with $sum counts per day', async () => {
    await Note.create([
      { key: 'd1', body: '-', day: '2026-12-01' },
      { key: 'd2', body: '-', day: '2026-12-01' },
      { key: 'd3', body: '-', day: '2026-12-02' },
    ]);
    const rows = await Note.aggregate<{ _id: string; n: number }>([
      { $match: { day: { $gte: '2026-12-01' } } },
      { $group: { _id: '$day', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(rows).toEqual([
      { _id: '2026-12-01', n: 2 },
      { _id: '2026-12-02', n: 1 },
    ]);
  });
});
