import { capabilitiesOf, databaseCapabilities } from '../../../api/src/db/capabilities';
import { databaseFlavour } from '../../../api/src/db/mongo';
import { loadConfig } from '../../../api/src/config';
import mongoose from 'mongoose';
import { useTestDatabase } from '../../support/db';

describe('what the database server can do', () => {
  it('When the server is FerretDB, then conditional updates are not trusted across connections, a small pool is used and several processes may share it', () => {
    expect(capabilitiesOf({ buildInfo: { version: '7.0.77', ferretdbVersion: 'v1.24.2' }, hello: {} })).toEqual({
      server: 'ferretdb',
      version: 'v1.24.2',
      replicaSet: false,
      transactions: false,
      atomicConditionalUpdates: false,
      indexedFilters: false,
      maxPoolSize: 8,
      severalProcesses: true,
    });
  });

  it('When the server is a MongoDB replica set, then it has transactions, a full pool and room for several processes', () => {
    expect(capabilitiesOf({ buildInfo: { version: '7.0.14' }, hello: { setName: 'rs0' } })).toMatchObject({
      server: 'mongodb',
      replicaSet: true,
      transactions: true,
      atomicConditionalUpdates: true,
      maxPoolSize: undefined,
      severalProcesses: true,
    });
  });

  it('When MongoDB runs as a single server, then there are no transactions but updates are atomic', () => {
    expect(capabilitiesOf({ buildInfo: { version: '7.0.14' }, hello: {} })).toMatchObject({ server: 'mongodb', replicaSet: false, transactions: false, atomicConditionalUpdates: true });
  });

  describe('connected to the test database', () => {
    useTestDatabase();

    it('When connected, then the server is detected and the pool is kept to what it allows', () => {
      const caps = databaseCapabilities();
      expect(caps.server).toBe('ferretdb');
      expect(databaseFlavour()).toBe('ferretdb');
      const client = mongoose.connection.getClient() as unknown as { options: { maxPoolSize: number } };
      expect(client.options.maxPoolSize).toBe(caps.maxPoolSize);
    });
  });
});

describe('the connection pool in configuration', () => {
  it('When ZHIBAN_DB_POOL_SIZE is set, then it is the pool size; unset, the server decides', () => {
    expect(loadConfig({ ZHIBAN_DB_POOL_SIZE: '4' }).dbPoolSize).toBe(4);
    expect(loadConfig({}).dbPoolSize).toBeUndefined();
    expect(() => loadConfig({ ZHIBAN_DB_POOL_SIZE: '0' })).toThrow(/dbPoolSize/);
  });
});

describe('cache time limits in configuration', () => {
  it('When ZHIBAN_CACHE_TTL_MS names caches, then their limits are read; unset, none are', () => {
    expect(loadConfig({ ZHIBAN_CACHE_TTL_MS: 'posts=2000, lawyerNames=30000' }).cacheTtlMs).toEqual({ posts: 2000, lawyerNames: 30000 });
    expect(loadConfig({}).cacheTtlMs).toEqual({});
  });

  it('When a limit is not a number, then the configuration is refused', () => {
    expect(() => loadConfig({ ZHIBAN_CACHE_TTL_MS: 'posts=soon' })).toThrow(/cacheTtlMs/);
  });
});
