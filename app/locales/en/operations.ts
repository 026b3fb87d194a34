// English messages of the operations page.
import type { Catalogue } from "../catalogue";
import type { operations as source } from "../nl/operations";

export const operations: Catalogue<typeof source> = {
  link: "Operations: replication and readiness",
  title: "Operations",
  intro: "How this server is doing: can it take traffic, and is the database copied to a replica continuously?",
  readiness: {
    title: "Readiness",
    migrations: "Database migrations",
    database: "Database",
    size: "Database size",
    applied: "all applied",
    pending: "not all applied",
    unknown: "unknown",
    writable: "writable",
    "read-only": "read-only",
    unavailable: "unreachable",
  },
  replication: {
    title: "Continuous replication (Litestream)",
    state: "State",
    states: {
      off: "off",
      starting: "starting",
      running: "running",
      failing: "failing",
      stopped: "stopped",
    },
    offHelp:
      "Without REPLICA_URL there is no continuous copy: only what npm run backup makes by hand. Set REPLICA_URL to a directory or an S3 bucket.",
    replica: "Replica",
    since: "Started",
    lastReplicatedAt: "Last copied to the replica",
    never: "not yet",
    lastError: "Last error",
    restarts: "Litestream restarts",
    failingAlert: "Replication is failing: new data is not being copied to the replica. Last error: {message}",
  },
};
