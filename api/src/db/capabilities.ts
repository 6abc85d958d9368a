/**
 * What the connected database server can do, detected once at connection. Every FerretDB
 * adaptation in the code asks here (or is listed in the README's "Running on FerretDB and on
 * MongoDB"), so that moving to a MongoDB replica set changes what is detected, not code.
 */
export type DatabaseServer = 'mongodb' | 'ferretdb';

export interface DatabaseCapabilities {
  server: DatabaseServer;
  version: string;
  /** A MongoDB replica set (or sharded cluster) rather than a single server. */
  replicaSet: boolean;
  /**
   * Multi-document transactions. Only a MongoDB replica set has them; zhiban does not use
   * them (each step is atomic on one document), so this is informative.
   */
  transactions: boolean;
  /**
   * Racing conditional updates (`updateOne({ _id, rev }, …)`) on separate connections have
   * exactly one winner. FerretDB reads and then writes, so two can both win; unique inserts
   * have one winner on both servers, which is why every step where two winners would be a bug
   * is claimed by a unique insert (db/claims.ts, lease epochs, job attempts).
   */
  atomicConditionalUpdates: boolean;
  /**
   * Filters other than `_id` are answered from an index. FerretDB on SQLite reads the whole
   * collection for them, which is why hot reads use composite `_id`s and snapshots; FerretDB 1.24
   * even reads the whole table for `_id` lookups (see db/partitions.ts), hence month collections.
   */
  indexedFilters: boolean;
  /**
   * The connection pool of one process when configuration does not set one
   * (`ZHIBAN_DB_POOL_SIZE`): a small pool against FerretDB (SQLite writes one at a time, and
   * a pool keeps a slow read from holding up every other request), the driver's default on MongoDB.
   */
  maxPoolSize: number | undefined;
  /** Several API processes may share this database: race-sensitive steps are unique inserts. */
  severalProcesses: boolean;
}

/**
 * The most update statements one write command (`bulkWrite`) may carry. FerretDB 1.24 keeps a
 * SQLite connection for each statement that matched a document until the whole command ends, from
 * a pool of 100 per database: a command with about a hundred matching statements waits for itself
 * forever (measured: 90 finish, 100 and more hang). Half of that leaves room. MongoDB has no such
 * limit; the chunking costs it nothing.
 */
export const UPDATES_PER_COMMAND = 50;

/** The answers of the `buildInfo` and `hello` commands that capabilities are read from. */
export interface ServerAnswers {
  buildInfo: { version?: string; ferretdbVersion?: string };
  hello: { setName?: string; msg?: string };
}

/** Connections per process against FerretDB unless configured otherwise. */
export const FERRETDB_POOL_SIZE = 8;

export function capabilitiesOf(answers: ServerAnswers): DatabaseCapabilities {
  const ferret = answers.buildInfo.ferretdbVersion !== undefined;
  const replicaSet = !ferret && (answers.hello.setName !== undefined || answers.hello.msg === 'isdbgrid');
  return {
    server: ferret ? 'ferretdb' : 'mongodb',
    version: (ferret ? answers.buildInfo.ferretdbVersion : answers.buildInfo.version) ?? 'unknown',
    replicaSet,
    transactions: replicaSet,
    atomicConditionalUpdates: !ferret,
    indexedFilters: !ferret,
    maxPoolSize: ferret ? FERRETDB_POOL_SIZE : undefined,
    severalProcesses: true,
  };
}

/** Until a connection says otherwise, assume the most careful server. */
const CAREFUL = capabilitiesOf({ buildInfo: { ferretdbVersion: 'unknown' }, hello: {} });
let current: DatabaseCapabilities = CAREFUL;

/** What the connected server can do (the careful FerretDB answers before any connection). */
export function databaseCapabilities(): DatabaseCapabilities {
  return current;
}

export function setDatabaseCapabilities(c: DatabaseCapabilities | null): void {
  current = c ?? CAREFUL;
}
