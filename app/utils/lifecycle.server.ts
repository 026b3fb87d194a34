// The app's side of a graceful shutdown (decision 096). The server process (scripts/server.ts) reaches this
// module through the build's entry module, because the build carries its own copy of every app module:
// the database connection and the autosave queue live in the build, not in the server script.
import { closeDb } from "~/utils/db.server";
import { REPLICATION_OFF, type ReplicationStatus } from "~/utils/operations";

type Drain = { name: string; run: () => number };

const drains: Drain[] = [];
let draining = false;
let replicationSource: () => ReplicationStatus = () => REPLICATION_OFF;

/** A queue that holds acknowledged-to-be work (e.g. the autosave group commit) registers how to empty it now. */
export function registerDrain(name: string, run: () => number): void {
  drains.push({ name, run });
}

export function isDraining(): boolean {
  return draining;
}

export function replicationStatus(): ReplicationStatus {
  return replicationSource();
}

export type ShutdownReport = {
  flushed: Record<string, number>;
  checkpoint: { busy: number; log: number; checkpointed: number } | null;
};

export const lifecycle = {
  /** Called by the server with its replication supervisor, so loaders can show its state. */
  attach(source: { replication: () => ReplicationStatus }): void {
    replicationSource = source.replication;
  },
  /** From now on readiness answers 503: a load balancer stops sending traffic. */
  beginDrain(): void {
    draining = true;
  },
  /** Writes whatever the queues still hold, synchronously; returns how many items each wrote. */
  flush(): Record<string, number> {
    const flushed: Record<string, number> = {};
    for (const drain of drains) flushed[drain.name] = drain.run();
    return flushed;
  },
  /** Flushes, checkpoints the WAL into the database file and closes the connection. */
  close(): ShutdownReport {
    const flushed = lifecycle.flush();
    return { flushed, checkpoint: closeDb() };
  },
};

export type AppLifecycle = typeof lifecycle;
