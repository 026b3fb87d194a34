// What the server process knows about its own operation, handed to the app (readiness, admin page).
// Pure types and helpers: the server (scripts/server.ts) fills them in, loaders only read them.

export type ReplicationState = "off" | "starting" | "running" | "failing" | "stopped";

export type ReplicationStatus = {
  state: ReplicationState;
  /** Where the replica lives, without credentials (a directory or bucket/path). */
  replica: string | null;
  since: string | null;
  /** When Litestream last reported a snapshot or WAL segment written to the replica. */
  lastReplicatedAt: string | null;
  lastError: { message: string; at: string } | null;
  /** How often the supervisor restarted Litestream after it exited on its own. */
  restarts: number;
};

export const REPLICATION_OFF: ReplicationStatus = {
  state: "off",
  replica: null,
  since: null,
  lastReplicatedAt: null,
  lastError: null,
  restarts: 0,
};

/** A replica URL as it may be shown and logged: no user, password or query (which can carry keys). */
export function describeReplica(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(unparseable replica URL)";
  }
}
