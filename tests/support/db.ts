import { createHash, randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../../api/src/db/mongo';

export function testDatabaseBase(): string {
  const base = process.env.ZHIBAN_TEST_MONGODB_BASE;
  if (!base) throw new Error('The test database is not running (tests/support/global-setup.ts sets it up).');
  return base;
}

/** A database name of its own for each test file (and each call), so files never share state. */
export function uniqueDatabaseName(label = expect.getState().testPath ?? 'test'): string {
  const hash = createHash('sha1').update(label).digest('hex').slice(0, 8);
  return `t_${hash}_${randomBytes(3).toString('hex')}`;
}

/**
 * Connects mongoose to a fresh database for this test file and drops it afterwards.
 * Call at the top of a describe block or file.
 */
export function useTestDatabase(): { uri: () => string } {
  let uri = '';
  beforeAll(async () => {
    uri = `${testDatabaseBase()}${uniqueDatabaseName()}`;
    await connectDatabase(uri);
    await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
  });
  return { uri: () => uri };
}
