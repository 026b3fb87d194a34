// The scheduler: a small loop on top of the tables (docs/decisions/071). Each tick reads the state of every
// care organisation, asks the pure rules which reminders are due, and records them under their event keys;
// then the outbox worker sends. Ticks yield to the event loop between organisations so requests are served
// while a tick runs. Nothing here remembers what it did in memory: the keys in the database are the memory.
import type Database from "better-sqlite3";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "@db/schema-notifications";
import { refreshMatchStates } from "~/features/matching/store.server";
import { followUpsDue } from "~/features/trajectories/trajectories.server";
import { now as clockNow } from "~/utils/clock.server";
import { getDb, leaveCheckpointsElsewhere, prepared } from "~/utils/db.server";
import { publicUrl } from "~/utils/env.server";
import { translate, type Locale } from "~/utils/i18n";
import { digestWeek, localDate, timeZoneOf, addDays, type Country } from "./calendar";
import { notificationConfig } from "./config.server";
import { isNotificationKind } from "./kinds";
import {
  activeRecipients,
  channelFor,
  mailLinks,
  prepareEvents,
  storedNotificationTitle,
  unsubscribeHeaders,
  writePreparedEvents,
} from "./notify.server";
import { deliverDue, deliverElsewhere, enqueueMail } from "./outbox.server";
import { dueEvents, type OrgSnapshot } from "./reminders";
import { trajectoryFollowUpEvents } from "./trajectory-followups";
import { composeMail } from "./render";

function groupBy<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(r);
  }
  return out;
}

/** Every care organisation's state, read in a handful of queries rather than a handful per organisation. */
export function loadSnapshots(at: Date): OrgSnapshot[] {
  const sqlite = getDb().$client;
  const nowIso = at.toISOString();
  const soon = addDays(localDate(at, "Europe/Brussels"), 4);
  const orgs = sqlite
    .prepare("SELECT id, country FROM organisations WHERE kind = 'care_provider' ORDER BY id")
    .all() as { id: number; country: Country }[];
  const hr = groupBy(
    sqlite
      .prepare(
        "SELECT m.organisation_id AS org, u.id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.role = 'hr' AND u.status = 'active' AND m.organisation_id IS NOT NULL",
      )
      .all() as { org: number; id: number }[],
    (r) => r.org,
  );
  const proposals = groupBy(
    sqlite
      .prepare(
        "SELECT m.organisation_id AS org, m.id AS matchId, b.user_id AS buddyUserId, n.name AS newcomerName, m.deadline AS deadline FROM matches m JOIN buddy_profiles b ON b.id = m.buddy_id JOIN newcomer_records n ON n.id = m.newcomer_id WHERE m.status = 'proposed' AND m.deadline > ?",
      )
      .all(nowIso) as (OrgSnapshot["proposals"][number] & { org: number })[],
    (r) => r.org,
  );
  const lookback = new Date(at.getTime() - 15 * 86_400_000).toISOString();
  const answered = groupBy(
    sqlite
      .prepare(
        "SELECT m.organisation_id AS org, m.id AS matchId, m.status AS status, m.responded_at AS at, m.newcomer_id AS newcomerId, n.name AS newcomerName, u.name AS buddyName FROM matches m JOIN buddy_profiles b ON b.id = m.buddy_id JOIN users u ON u.id = b.user_id JOIN newcomer_records n ON n.id = m.newcomer_id WHERE m.status IN ('declined', 'expired') AND m.responded_at >= ?",
      )
      .all(lookback) as (OrgSnapshot["answered"][number] & { org: number })[],
    (r) => r.org,
  );
  const checkIns = groupBy(
    sqlite
      .prepare(
        "SELECT m.organisation_id AS org, c.match_id AS matchId, c.key AS key, c.due_date AS dueDate, b.user_id AS buddyUserId, u.name AS buddyName, n.user_id AS newcomerUserId, n.name AS newcomerName FROM check_ins c JOIN matches m ON m.id = c.match_id JOIN buddy_profiles b ON b.id = m.buddy_id JOIN users u ON u.id = b.user_id JOIN newcomer_records n ON n.id = m.newcomer_id WHERE c.done_at IS NULL AND m.status IN ('accepted', 'active') AND c.due_date <= ?",
      )
      .all(soon) as (OrgSnapshot["checkIns"][number] & { org: number })[],
    (r) => r.org,
  );
  const pending = sqlite
    .prepare(
      `SELECT a.organisation_id AS org, a.id AS assignmentId, a.module_key AS moduleKey, a.due_date AS dueDate, ms.user_id AS userId
       FROM module_assignments a
       JOIN memberships ms ON ms.organisation_id = a.organisation_id AND ms.role IN ('employee', 'newcomer') AND (a.department_id IS NULL OR ms.department_id = a.department_id)
       JOIN users u ON u.id = ms.user_id AND u.status = 'active'
       WHERE NOT EXISTS (SELECT 1 FROM module_completions mc WHERE mc.user_id = ms.user_id AND mc.module_key = a.module_key)
       ORDER BY a.id, ms.user_id`,
    )
    .all() as { org: number; assignmentId: number; moduleKey: string; dueDate: string; userId: number }[];
  const assignments = new Map<number, OrgSnapshot["assignments"]>();
  for (const p of pending) {
    let list = assignments.get(p.org);
    if (!list) assignments.set(p.org, (list = []));
    let a = list[list.length - 1];
    if (!a || a.assignmentId !== p.assignmentId)
      list.push((a = { assignmentId: p.assignmentId, moduleKey: p.moduleKey, dueDate: p.dueDate, pendingUserIds: [] }));
    a.pendingUserIds.push(p.userId);
  }
  const waiting = groupBy(
    sqlite
      .prepare(
        "SELECT n.organisation_id AS org, n.id AS newcomerId, n.name AS name, n.created_at AS since FROM newcomer_records n WHERE n.erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.newcomer_id = n.id AND m.status IN ('proposed', 'accepted', 'active', 'completed'))",
      )
      .all() as (OrgSnapshot["waiting"][number] & { org: number })[],
    (r) => r.org,
  );
  const actions = groupBy(
    sqlite
      .prepare(
        "SELECT organisation_id AS org, id, scan_id AS scanId, due_date AS dueDate, action FROM action_items WHERE status != 'done' AND due_date IS NOT NULL AND due_date <= ?",
      )
      .all(soon) as (OrgSnapshot["actions"][number] & { org: number })[],
    (r) => r.org,
  );
  const drafts = groupBy(
    sqlite
      .prepare(
        "SELECT s.organisation_id AS org, s.id AS scanId, s.period AS period, COALESCE((SELECT MAX(a.answered_at) FROM scan_answers a WHERE a.scan_id = s.id), s.created_at) AS lastTouchedAt FROM scans s WHERE s.status = 'draft'",
      )
      .all() as (OrgSnapshot["drafts"][number] & { org: number })[],
    (r) => r.org,
  );
  const latest = new Map(
    (
      sqlite
        .prepare(
          "SELECT s.organisation_id AS org, s.id AS scanId, s.period AS period, s.status AS status, s.submitted_at AS submittedAt FROM scans s WHERE s.id = (SELECT MAX(id) FROM scans x WHERE x.organisation_id = s.organisation_id)",
        )
        .all() as { org: number; scanId: number; period: string; status: string; submittedAt: string | null }[]
    ).map((r) => [r.org, r]),
  );
  const strip = <T extends { org: number }>(rows: T[] | undefined): Omit<T, "org">[] =>
    (rows ?? []).map(({ org: _org, ...rest }) => rest);
  return orgs.map((o) => {
    const last = latest.get(o.id);
    return {
      organisationId: o.id,
      country: o.country,
      hrUserIds: (hr.get(o.id) ?? []).map((r) => r.id),
      proposals: strip(proposals.get(o.id)),
      answered: strip(answered.get(o.id)),
      checkIns: strip(checkIns.get(o.id)),
      assignments: assignments.get(o.id) ?? [],
      waiting: strip(waiting.get(o.id)),
      actions: strip(actions.get(o.id)),
      drafts: strip(drafts.get(o.id)),
      lastSubmitted:
        last && last.status === "submitted" && last.submittedAt
          ? { scanId: last.scanId, period: last.period, submittedAt: last.submittedAt }
          : null,
    };
  });
}

// ——— The weekly digest ————————————————————————————————————————————————————————————————

const notificationExists = prepared((db) =>
  db.$client.prepare("SELECT 1 FROM notifications WHERE user_id = ? AND event_key = ?").pluck(),
);

function hasNotification(userId: number, eventKey: string): boolean {
  return notificationExists().get(userId, eventKey) !== undefined;
}

type Member = { id: number; email: string; name: string; locale: Locale | null; role: string };

/** HR and the users who chose the digest for something, per organisation: the only ones a digest can be for. */
function digestMembers(digesters: Set<number>): Map<number, Member[]> {
  const rows = getDb()
    .$client.prepare(
      "SELECT m.organisation_id AS org, u.id, u.email, u.name, u.locale, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id IS NOT NULL AND u.status = 'active'",
    )
    .all() as (Member & { org: number })[];
  return groupBy(
    rows.filter((r) => r.role === "hr" || digesters.has(r.id)),
    (r) => r.org,
  );
}

type Statement = Database.Statement<unknown[]>;
const statements = new WeakMap<object, Map<string, Statement>>();

/** A statement compiled once per connection (the digest's queries run for every organisation each Monday). */
function statement(query: string): Statement {
  const client = getDb().$client;
  let cache = statements.get(client);
  if (!cache) statements.set(client, (cache = new Map()));
  let compiled = cache.get(query);
  if (!compiled) cache.set(query, (compiled = client.prepare<unknown[]>(query)));
  return compiled;
}

function hrSummary(org: OrgSnapshot, at: Date) {
  const sqlite = { prepare: statement };
  const today = localDate(at, timeZoneOf(org.country));
  const one = (q: string, ...args: unknown[]) => (sqlite.prepare(q).get(...args) as { n: number }).n;
  const modules = sqlite
    .prepare(
      `SELECT COALESCE(d.name, '') AS department, a.department_id AS departmentId, COUNT(*) AS total,
         SUM(CASE WHEN EXISTS (SELECT 1 FROM module_completions mc WHERE mc.user_id = ms.user_id AND mc.module_key = a.module_key) THEN 1 ELSE 0 END) AS done,
         SUM(CASE WHEN a.due_date < ? AND NOT EXISTS (SELECT 1 FROM module_completions mc WHERE mc.user_id = ms.user_id AND mc.module_key = a.module_key) THEN 1 ELSE 0 END) AS overdue
       FROM module_assignments a
       LEFT JOIN departments d ON d.id = a.department_id
       JOIN memberships ms ON ms.organisation_id = a.organisation_id AND ms.role IN ('employee', 'newcomer') AND (a.department_id IS NULL OR ms.department_id = a.department_id)
       WHERE a.organisation_id = ? GROUP BY a.department_id ORDER BY d.name`,
    )
    .all(today, org.organisationId) as {
    department: string;
    departmentId: number | null;
    total: number;
    done: number;
    overdue: number;
  }[];
  return {
    waiting: org.waiting.length,
    proposals: one(
      "SELECT COUNT(*) AS n FROM matches WHERE organisation_id = ? AND status = 'proposed'",
      org.organisationId,
    ),
    overdueCheckIns: one(
      "SELECT COUNT(*) AS n FROM check_ins c JOIN matches m ON m.id = c.match_id WHERE m.organisation_id = ? AND m.status IN ('accepted','active') AND c.done_at IS NULL AND c.due_date < ?",
      org.organisationId,
      today,
    ),
    openActions: one(
      "SELECT COUNT(*) AS n FROM action_items WHERE organisation_id = ? AND status != 'done'",
      org.organisationId,
    ),
    modules,
  };
}

/** Users who chose the digest for some kind: only they can have items waiting for it. */
function usersWithDigestItems(): Set<number> {
  return new Set(
    (
      getDb()
        .$client.prepare("SELECT DISTINCT user_id AS id FROM notification_preferences WHERE channel = 'digest'")
        .all() as { id: number }[]
    ).map((r) => r.id),
  );
}

function digestItems(userId: number) {
  return getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.digestedAt)))
    .all()
    .filter(
      (n) =>
        isNotificationKind(n.kind) && n.kind !== "weekly_digest" && channelFor(getDb(), userId, n.kind) === "digest",
    );
}

/** Records each due weekly digest once: HR always (with the organisation's figures), others when they have items. */
function recordDigests(org: OrgSnapshot, at: Date, digesters: Set<number>, members: Member[]): number {
  const week = digestWeek(at, timeZoneOf(org.country));
  if (!week) return 0;
  const db = getDb();
  let made = 0;
  let summary: ReturnType<typeof hrSummary> | undefined;
  for (const m of members) {
    const key = `weekly-digest:${week}`;
    if (m.role !== "hr" && !digesters.has(m.id)) continue;
    if (hasNotification(m.id, key)) continue;
    const items = digesters.has(m.id) ? digestItems(m.id) : [];
    if (m.role !== "hr" && items.length === 0) continue;
    const locale: Locale = m.locale ?? "nl";
    const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(locale, k, p);
    const weekDate = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-BE", {
      dateStyle: "long",
      timeZone: "UTC",
    }).format(new Date(`${week}T12:00:00Z`));
    const paragraphs = [t("notifications.digest.intro", { weekDate })];
    if (m.role === "hr") {
      summary ??= hrSummary(org, at);
      paragraphs.push(
        [
          `- ${t("notifications.digest.waiting", { count: summary.waiting })}`,
          `- ${t("notifications.digest.proposals", { count: summary.proposals })}`,
          `- ${t("notifications.digest.overdueCheckIns", { count: summary.overdueCheckIns })}`,
          `- ${t("notifications.digest.openActions", { count: summary.openActions })}`,
        ].join("\n"),
      );
      if (summary.modules.length) {
        paragraphs.push(
          [
            t("notifications.digest.modulesTitle"),
            ...summary.modules.map(
              (d) =>
                `- ${t("notifications.digest.moduleLine", { department: d.departmentId == null ? t("notifications.digest.allDepartments") : d.department, done: d.done, total: d.total, overdue: d.overdue })}`,
            ),
          ].join("\n"),
        );
      }
      const base = publicUrl();
      paragraphs.push(
        t("notifications.digest.links", {
          newcomers: `${base}/hr/newcomers`,
          matching: `${base}/hr/matching`,
          modules: `${base}/hr/modules`,
          scans: `${base}/hr/scans`,
        }),
      );
    }
    if (items.length) {
      const base = publicUrl();
      paragraphs.push(
        [
          t("notifications.digest.yourItems"),
          ...items.map(
            (n) =>
              `- ${isNotificationKind(n.kind) ? storedNotificationTitle(n.kind, locale, n.params) : n.kind}\n  ${base}${n.link}`,
          ),
        ].join("\n"),
      );
    }
    const link = m.role === "hr" ? "/hr" : "/notifications";
    const isoAt = at.toISOString();
    // Rendered before the write transaction, which then only inserts (decision 076).
    const links = mailLinks(m.id, "weekly_digest", link);
    const mail =
      channelFor(db, m.id, "weekly_digest") === "immediate"
        ? composeMail(locale, {
            name: m.name,
            subject: t("notifications.digest.subject", { weekDate }),
            paragraphs,
            links,
          })
        : null;
    aroundTickWrite(() =>
      db.transaction((tx) => {
        const inserted = tx
          .insert(notifications)
          .values({
            userId: m.id,
            organisationId: org.organisationId,
            kind: "weekly_digest",
            eventKey: key,
            params: JSON.stringify({ weekDate: week }),
            link,
            createdAt: isoAt,
          })
          .onConflictDoNothing()
          .returning({ id: notifications.id })
          .get();
        if (!inserted) return;
        for (const n of items)
          tx.update(notifications).set({ digestedAt: isoAt }).where(eq(notifications.id, n.id)).run();
        if (!mail) return;
        enqueueMail(
          {
            eventKey: `notify:${m.id}:${key}`,
            kind: "weekly_digest",
            userId: m.id,
            organisationId: org.organisationId,
            to: m.email,
            locale,
            ...mail,
            headers: unsubscribeHeaders(links.unsubscribe),
          },
          tx,
        );
        made += 1;
      }),
    );
  }
  return made;
}

// ——— The tick ——————————————————————————————————————————————————————————————————————————

/** What a tick did; `longestWriteMs` is the longest the tick held the write lock for its events (wall clock). */
export type TickResult = { notifications: number; mails: number; organisations: number; longestWriteMs: number };

/**
 * Events written per transaction by a tick (decision 076: 25; decision 173: 5). A batch of five holds the write lock
 * for well under a millisecond when the thread is not descheduled, and the event loop runs after every batch.
 */
const WRITE_BATCH = 5;

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What the thread running the ticks adds around them, set once by the scheduler's worker (elsewhere, e.g. in tests
 * that call `runTick` directly, nothing is added):
 * - `start` runs as each tick starts. The worker lowers the process's helper threads there again (decision 192).
 * - `aroundWrite` wraps each of a tick's write transactions (its events' batches, each digest and the expiry of
 *   proposals). The worker runs them at the request thread's priority when the process may raise a thread's priority
 *   again (decision 193): a nice-19 thread that loses the processor while it holds SQLite's write lock keeps every
 *   writer of the process waiting.
 * - `afterWrite` runs after each of a tick's event batches, with the lock already released. The worker flushes its
 *   own WAL pages there (decision 173): otherwise the next request's fsync'd commit flushes them, on the request
 *   thread.
 */
export type TickHooks = {
  start: () => void;
  aroundWrite: <T>(write: () => T) => T;
  afterWrite: () => void;
};

const noHooks: TickHooks = { start: () => {}, aroundWrite: (write) => write(), afterWrite: () => {} };

let hooks: TickHooks = noHooks;

/** Sets the tick's hooks (see `TickHooks`); the ones not given are left out. */
export function configureTick(given: Partial<TickHooks>): void {
  hooks = { ...noHooks, ...given };
}

const aroundTickWrite = <T>(write: () => T): T => hooks.aroundWrite(write);

/** One pass over every organisation at the given moment. Safe to run twice, in two processes, or late. */
export async function runTick(at: Date = clockNow(), options: { yieldEvery?: number } = {}): Promise<TickResult> {
  hooks.start();
  // Expiring proposals and starting matches is a write transaction too (an immediate one): under the same ceiling.
  aroundTickWrite(() => refreshMatchStates(at));
  const snapshots = loadSnapshots(at);
  const db = getDb();
  const result: TickResult = { notifications: 0, mails: 0, organisations: snapshots.length, longestWriteMs: 0 };
  const every = options.yieldEvery ?? 50;
  const digesters = usersWithDigestItems();
  const followUps = followUpsDue(at);
  const members = digestMembers(digesters);
  const people = activeRecipients();
  // Per chunk of organisations: the due events are worked out and their mails rendered with reads only (WAL
  // readers take no lock), then one short write transaction inserts what is new (decision 076). The write lock is
  // never held while mail is rendered, so a request's write waits for a few inserts at most, not for a whole chunk
  // of work done by a low-priority thread. Between chunks the event loop runs.
  for (let i = 0; i < snapshots.length; i += every) {
    const chunk = snapshots.slice(i, i + every);
    const prepared = chunk.map((org) => {
      const events = [
        ...dueEvents(org, at),
        ...trajectoryFollowUpEvents(
          org.hrUserIds,
          followUps.get(org.organisationId) ?? [],
          localDate(at, timeZoneOf(org.country)),
        ),
      ];
      return { org, events: prepareEvents(events, org.organisationId, people) };
    });
    const pending = prepared.flatMap(({ org, events }) =>
      events.map((event) => ({ organisationId: org.organisationId, event })),
    );
    // A few events per transaction: the scheduler's thread runs at low priority and may lose the processor while it
    // holds the lock, so the less it writes per transaction, the shorter a request's write can be kept waiting.
    for (let j = 0; j < pending.length; j += WRITE_BATCH) {
      const batch = pending.slice(j, j + WRITE_BATCH);
      const written = performance.now();
      aroundTickWrite(() =>
        db.transaction((tx) => {
          for (const { organisationId, event } of batch) {
            const r = writePreparedEvents(tx, [event], at, organisationId);
            result.notifications += r.notifications;
            result.mails += r.mails;
          }
        }),
      );
      result.longestWriteMs = Math.max(result.longestWriteMs, performance.now() - written);
      hooks.afterWrite();
      // Between two batches the lock is free and this thread's event loop runs (a request on this thread, or the
      // request thread waiting for the lock, goes first).
      await yieldToRequests();
    }
    for (const org of chunk) result.mails += recordDigests(org, at, digesters, members.get(org.organisationId) ?? []);
    await yieldToRequests();
  }
  return result;
}

let timer: NodeJS.Timeout | undefined;

/**
 * The kernel's id of the calling thread (Linux), or null where there is none to read: the scheduler's thread uses it
 * to know which thread not to lower, and to set its own priority.
 */
export function currentThreadId(): number | null {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** A worker thread running scheduler-worker.server.ts; the TypeScript loader is registered in it first. */
export function schedulerWorker(mode: "loop" | "driven"): Worker {
  const entry = new URL("./scheduler-worker.server.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, {
    eval: true,
    workerData: { mode, requestThread: currentThreadId() ?? process.pid },
  });
  // While the worker runs it checkpoints the WAL (after its writes and after every tick), so a request's commit
  // never copies the tick's pages into the database file on the request thread (decision 173).
  leaveCheckpointsElsewhere(true);
  worker.on("exit", () => leaveCheckpointsElsewhere(false));
  return worker;
}

/** The loop in a worker thread (what the server runs): ticks never block the request thread. */
export function startSchedulerThread(): () => void {
  if (notificationConfig().SCHEDULER === "off") return () => {};
  const worker = schedulerWorker("loop");
  // Mail that requests queue is sent by the worker too (decision 173): a wake-up is one message to it.
  deliverElsewhere(() => worker.postMessage({ wake: true }));
  worker.on("error", (error) => {
    deliverElsewhere(null);
    console.error(`scheduler: worker stopped: ${error.name}: ${error.message}`);
  });
  worker.on("exit", () => deliverElsewhere(null));
  worker.unref();
  return () => {
    deliverElsewhere(null);
    void worker.terminate();
  };
}
let ticking = false;

/** Starts the loop: a tick at once (catching up on what fell due while the server was down), then every interval. */
export function startScheduler(options: { keepAlive?: boolean } = {}): () => void {
  const { SCHEDULER, SCHEDULER_INTERVAL_SECONDS } = notificationConfig();
  if (SCHEDULER === "off") return () => {};
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      await runTick(clockNow());
      await deliverDue();
      // The WAL back into the database file after each tick: in the server this runs in the worker, whose writes
      // grew it, and the request thread leaves checkpoints to it (decision 173).
      getDb().$client.pragma("wal_checkpoint(PASSIVE)");
    } catch (error) {
      console.error(`scheduler: tick failed: ${error instanceof Error ? error.name : "error"}`);
    } finally {
      ticking = false;
    }
  };
  void tick();
  timer = setInterval(() => void tick(), SCHEDULER_INTERVAL_SECONDS * 1000);
  if (!options.keepAlive) timer.unref();
  return () => clearInterval(timer);
}
