// The import of sites, departments and people (issue 15): upload → a stored batch and its preview → HR confirms →
// one transaction applies the plan, recomputed from the stored rows, and queues the invitations in the outbox.
// docs/decisions/100–103.
import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { departments, invitations, memberships, organisations, sessions, sites, users } from "@db/schema";
import { importBatches, importInvitations } from "@db/schema-import";
import { outbox } from "@db/schema-notifications";
import { enqueueMail, wakeOutbox } from "~/features/notifications/outbox.server";
import { audit } from "~/utils/audit.server";
import { newToken } from "~/utils/crypto.server";
import { getDb, type Tx } from "~/utils/db.server";
import { getEnv, publicUrl } from "~/utils/env.server";
import { formatDate, translate, type MessageKey } from "~/utils/i18n";
import type { CurrentUser } from "~/utils/session.server";
import { fail, ok, type Outcome } from "~/utils/use-case";
import {
  buildPlan,
  placeKey,
  type DepartmentRef,
  type ImportPlan,
  type MemberState,
  type OrganisationState,
} from "./plan";
import { mapHeaders, readRows, type ImportRow } from "./rows";
import { csvTable, IMPORT_MAX_ROWS, sniffFile, type TableProblem } from "./table";
import { xlsxTable } from "./xlsx.server";

type Db = ReturnType<typeof getDb>;
type Reader = Db | Tx;

export type ImportActor = Pick<CurrentUser, "id" | "name" | "role" | "organisationId">;

/** HR imports into its own organisation only; the platform admin into any care organisation. */
function organisationFor(actor: ImportActor, organisationId: number, db: Reader = getDb()) {
  if (actor.role !== "admin" && (actor.role !== "hr" || actor.organisationId !== organisationId)) return null;
  const org = db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  return org && org.kind === "care_provider" ? org : null;
}

const TABLE_MESSAGES: Record<TableProblem, MessageKey> = {
  notSpreadsheet: "import.file.notSpreadsheet",
  oldExcel: "import.file.oldExcel",
  mixedEncoding: "import.file.mixedEncoding",
  empty: "import.file.empty",
  tooManyRows: "import.file.tooManyRows",
  tooLarge: "import.file.tooLarge",
  brokenQuotes: "import.file.brokenQuotes",
};

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/** The organisation as the plan needs it; addresses elsewhere only for the addresses in the file. */
export function loadState(
  db: Reader,
  actor: ImportActor,
  organisationId: number,
  rows: readonly ImportRow[],
  now = new Date(),
): OrganisationState {
  const members: MemberState[] = db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      status: users.status,
      departmentId: memberships.departmentId,
      locale: users.locale,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        ne(users.status, "erased"),
        inArray(memberships.role, ["employee", "hr", "newcomer"]),
      ),
    )
    .orderBy(asc(users.id))
    .all()
    .flatMap((m) =>
      (m.role === "employee" || m.role === "hr" || m.role === "newcomer") && m.status !== "erased"
        ? [{ ...m, role: m.role, status: m.status }]
        : [],
    );
  const pending = new Map<string, OrganisationState["invitations"][number]>();
  for (const inv of db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      departmentId: invitations.departmentId,
      locale: invitations.locale,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now.toISOString()),
      ),
    )
    .orderBy(asc(invitations.id))
    .all()) {
    pending.set(inv.email, inv);
  }
  const ownEmails = new Set(members.map((m) => m.email));
  const asked = [...new Set(rows.map((r) => r.email).filter((e) => e !== "" && !ownEmails.has(e)))];
  const elsewhere = new Set<string>();
  for (let i = 0; i < asked.length; i += 500) {
    const chunk = asked.slice(i, i + 500);
    for (const r of db
      .select({ email: users.email })
      .from(users)
      .leftJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          inArray(users.email, chunk),
          or(isNull(memberships.organisationId), ne(memberships.organisationId, organisationId)),
        ),
      )
      .all()) {
      elsewhere.add(r.email);
    }
  }
  return {
    actorUserId: actor.id,
    actorIsAdmin: actor.role === "admin",
    sites: db
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(eq(sites.organisationId, organisationId))
      .orderBy(asc(sites.id))
      .all(),
    departments: db
      .select({ id: departments.id, siteId: departments.siteId, name: departments.name })
      .from(departments)
      .where(eq(departments.organisationId, organisationId))
      .orderBy(asc(departments.id))
      .all(),
    members,
    invitations: [...pending.values()],
    elsewhere,
  };
}

export type UploadInput = { organisationId: number; fileName: string; bytes: Uint8Array };

/** Reads the file and stores it as a batch to preview; writes nothing else. Older previews of the organisation lapse. */
export async function previewImport(actor: ImportActor, input: UploadInput): Promise<Outcome<{ batchId: number }>> {
  const org = organisationFor(actor, input.organisationId);
  if (!org) return fail("not_found", "errors.notFound");
  const sniffed = sniffFile(input.bytes);
  if (!sniffed.ok) return fail("invalid", TABLE_MESSAGES[sniffed.problem]);
  const table = sniffed.kind === "xlsx" ? await xlsxTable(input.bytes) : csvTable(input.bytes);
  if (!table.ok) return fail("invalid", TABLE_MESSAGES[table.problem], { params: { max: IMPORT_MAX_ROWS } });
  const headers = mapHeaders(table.rows[0] ?? []);
  if (!headers.ok)
    return fail(
      "invalid",
      headers.problem === "missingColumns" ? "import.file.missingColumns" : "import.file.duplicateColumn",
    );
  const rows = readRows(table.rows, headers.map);
  if (rows.length === 0) return fail("invalid", "import.file.empty");
  if (rows.length > IMPORT_MAX_ROWS)
    return fail("invalid", "import.file.tooManyRows", { params: { max: IMPORT_MAX_ROWS } });
  const db = getDb();
  const plan = buildPlan(rows, loadState(db, actor, org.id, rows));
  const batchId = db.transaction((tx) => {
    tx.update(importBatches)
      .set({ status: "discarded", rows: "[]" })
      .where(and(eq(importBatches.organisationId, org.id), eq(importBatches.status, "previewed")))
      .run();
    return tx
      .insert(importBatches)
      .values({
        organisationId: org.id,
        createdByUserId: actor.id,
        fileName: input.fileName.slice(0, 200),
        fileHash: createHash("sha256").update(input.bytes).digest("hex"),
        fileKind: sniffed.kind,
        rows: JSON.stringify({ rows, ignored: headers.map.ignored }),
        planHash: hashOf(plan),
      })
      .returning({ id: importBatches.id })
      .get().id;
  });
  audit({
    actorUserId: actor.id,
    organisationId: org.id,
    action: "import.previewed",
    entityType: "import_batch",
    entityId: batchId,
    detail: { rows: rows.length },
  });
  return ok({ batchId });
}

type StoredRows = { rows: ImportRow[]; ignored: string[] };

function storedRows(json: string): StoredRows {
  const parsed: unknown = JSON.parse(json);
  if (parsed && typeof parsed === "object" && "rows" in parsed && Array.isArray(parsed.rows)) {
    const ignored = "ignored" in parsed && Array.isArray(parsed.ignored) ? parsed.ignored.map(String) : [];
    return { rows: parsed.rows as ImportRow[], ignored };
  }
  return { rows: [], ignored: [] };
}

export type Progress = { total: number; sent: number; failed: number; waiting: number };

function progressOf(batchId: number, db: Reader = getDb()): Progress {
  const rows = db
    .select({ status: outbox.status, n: count() })
    .from(importInvitations)
    .innerJoin(outbox, eq(outbox.eventKey, sql`'invitation:' || ${importInvitations.invitationId}`))
    .where(eq(importInvitations.batchId, batchId))
    .groupBy(outbox.status)
    .all();
  const total =
    db.select({ n: count() }).from(importInvitations).where(eq(importInvitations.batchId, batchId)).get()?.n ?? 0;
  const by = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { total, sent: by("sent"), failed: by("failed"), waiting: total - by("sent") - by("failed") };
}

/** How much of each list the page shows; the counts are always complete. */
const SHOWN = { creates: 200, changes: 500, problems: 1000, deactivations: 5000 };

export type ImportPage = {
  organisation: { id: number; name: string };
  preview: null | {
    batchId: number;
    fileName: string;
    createdAt: string;
    ignored: string[];
    planHash: string;
    rowCount: number;
    counts: {
      creates: number;
      changes: number;
      unchanged: number;
      problems: number;
      deactivations: number;
      sites: number;
      departments: number;
    };
    plan: ImportPlan;
    /** Names ("site – department") of the existing departments the plan points at. */
    departmentNames: Record<number, string>;
  };
  lastApplied: null | {
    batchId: number;
    fileName: string;
    appliedAt: string;
    summary: AppliedSummary;
    progress: Progress;
  };
};

/** The page: the open preview (recomputed against the organisation as it is now) and the last applied import. */
export function importPage(actor: ImportActor, organisationId: number, now = new Date()): Outcome<ImportPage> {
  const db = getDb();
  const org = organisationFor(actor, organisationId, db);
  if (!org) return fail("not_found", "errors.notFound");
  const open = db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.organisationId, org.id), eq(importBatches.status, "previewed")))
    .orderBy(desc(importBatches.id))
    .get();
  let preview: ImportPage["preview"] = null;
  if (open) {
    const { rows, ignored } = storedRows(open.rows);
    const state = loadState(db, actor, org.id, rows, now);
    const plan = buildPlan(rows, state);
    const siteNames = new Map(state.sites.map((x) => [x.id, x.name]));
    const departmentNames: Record<number, string> = {};
    for (const d of state.departments) {
      const site = d.siteId == null ? undefined : siteNames.get(d.siteId);
      departmentNames[d.id] = site ? `${site} – ${d.name}` : d.name;
    }
    preview = {
      departmentNames,
      batchId: open.id,
      fileName: open.fileName,
      createdAt: open.createdAt,
      ignored,
      planHash: hashOf(plan),
      rowCount: rows.length,
      counts: {
        creates: plan.creates.length,
        changes: plan.changes.length,
        unchanged: plan.unchanged,
        problems: plan.problems.length,
        deactivations: plan.deactivations.length,
        sites: plan.sitesToCreate.length,
        departments: plan.departmentsToCreate.length,
      },
      plan: {
        ...plan,
        creates: plan.creates.slice(0, SHOWN.creates),
        changes: plan.changes.slice(0, SHOWN.changes),
        problems: plan.problems.slice(0, SHOWN.problems),
        deactivations: plan.deactivations.slice(0, SHOWN.deactivations),
      },
    };
  }
  const applied = db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.organisationId, org.id), eq(importBatches.status, "applied")))
    .orderBy(desc(importBatches.id))
    .get();
  const lastApplied =
    applied && applied.appliedAt
      ? {
          batchId: applied.id,
          fileName: applied.fileName,
          appliedAt: applied.appliedAt,
          summary: parseSummary(applied.summary),
          progress: progressOf(applied.id, db),
        }
      : null;
  return ok({ organisation: { id: org.id, name: org.name }, preview, lastApplied });
}

export type AppliedSummary = {
  invited: number;
  changed: number;
  unchanged: number;
  skipped: number;
  deactivated: number;
  sites: number;
  departments: number;
};

function parseSummary(json: string | null): AppliedSummary {
  const empty: AppliedSummary = {
    invited: 0,
    changed: 0,
    unchanged: 0,
    skipped: 0,
    deactivated: 0,
    sites: 0,
    departments: 0,
  };
  if (!json) return empty;
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== "object") return empty;
  const out = { ...empty };
  for (const key of Object.keys(empty) as (keyof AppliedSummary)[]) {
    const v: unknown = (parsed as Record<string, unknown>)[key];
    if (typeof v === "number") out[key] = v;
  }
  return out;
}

export type ApplyInput = { organisationId: number; batchId: number; planHash: string; deactivate: number[] | "all" };

/**
 * Applies the batch in one immediate transaction: the plan is rebuilt from the stored rows against the
 * organisation as it is at that moment and must be the plan the preview showed (its hash), else nothing is
 * written and the preview is shown again. Only people listed for deactivation can be deactivated.
 */
export function applyImport(actor: ImportActor, input: ApplyInput, now = new Date()): Outcome<AppliedSummary> {
  const db = getDb();
  const org = organisationFor(actor, input.organisationId, db);
  if (!org) return fail("not_found", "errors.notFound");
  const env = getEnv();
  const expires = new Date(now.getTime() + env.INVITATION_DAYS * 86_400_000);
  const base = publicUrl();
  type Result = Outcome<AppliedSummary & { roleChanged: number[]; deactivatedIds: number[] }>;
  const result = db.transaction(
    (tx): Result => {
      const batch = tx
        .select()
        .from(importBatches)
        .where(and(eq(importBatches.id, input.batchId), eq(importBatches.organisationId, org.id)))
        .get();
      if (!batch) return fail("not_found", "errors.notFound");
      if (batch.status !== "previewed") return fail("conflict", "import.alreadyDone");
      const { rows } = storedRows(batch.rows);
      const plan = buildPlan(rows, loadState(tx, actor, org.id, rows, now));
      if (hashOf(plan) !== input.planHash) return fail("conflict", "import.changedSincePreview");
      const candidates = new Set(plan.deactivations.map((d) => d.userId));
      const toDeactivate = input.deactivate === "all" ? [...candidates] : [...new Set(input.deactivate)];
      if (toDeactivate.some((id) => !candidates.has(id))) return fail("invalid", "import.notACandidate");

      // Places first, so people can point at them.
      const siteIds = new Map(
        tx
          .select({ id: sites.id, name: sites.name })
          .from(sites)
          .where(eq(sites.organisationId, org.id))
          .all()
          .map((s) => [placeKey(s.name), s.id]),
      );
      for (const name of plan.sitesToCreate) {
        siteIds.set(
          placeKey(name),
          tx.insert(sites).values({ organisationId: org.id, name, city: "" }).returning({ id: sites.id }).get().id,
        );
      }
      const newDeptIds = new Map<string, number>();
      for (const d of plan.departmentsToCreate) {
        const siteId = siteIds.get(placeKey(d.site)) ?? null;
        const id = tx
          .insert(departments)
          .values({ organisationId: org.id, siteId, name: d.name })
          .returning({ id: departments.id })
          .get().id;
        newDeptIds.set(`${placeKey(d.site)}\u0000${placeKey(d.name)}`, id);
      }
      const deptId = (ref: DepartmentRef | null): number | null =>
        ref == null
          ? null
          : "id" in ref
            ? ref.id
            : (newDeptIds.get(`${placeKey(ref.site)}\u0000${placeKey(ref.name)}`) ?? null);

      const roleChanged: number[] = [];
      for (const change of plan.changes) {
        const v = change.values;
        if (change.target.kind === "user") {
          const userId = change.target.userId;
          tx.update(users)
            .set({ name: v.name, locale: v.locale, ...(change.reactivate ? { status: "active" as const } : {}) })
            .where(eq(users.id, userId))
            .run();
          tx.update(memberships)
            .set({ role: v.role, departmentId: deptId(v.department) })
            .where(eq(memberships.userId, userId))
            .run();
          if (change.changes.some((c) => c.field === "role")) {
            // New permissions: sign the person in again, as the people page does.
            tx.delete(sessions).where(eq(sessions.userId, userId)).run();
            roleChanged.push(userId);
          }
        } else {
          // A pending invitation is corrected in place; its link (already mailed) stays valid.
          tx.update(invitations)
            .set({ name: v.name, role: v.role, locale: v.locale, departmentId: deptId(v.department) })
            .where(eq(invitations.id, change.target.invitationId))
            .run();
        }
      }

      // New people: invitations inserted 400 at a time (one statement each), then one outbox row per person through
      // enqueueMail in this same transaction, so a rolled-back import leaves no mail behind.
      const expiresText = { nl: formatDate("nl", expires, true), en: formatDate("en", expires, true) };
      const subject = { nl: translate("nl", "mail.inviteSubject"), en: translate("en", "mail.inviteSubject") };
      for (let i = 0; i < plan.creates.length; i += 400) {
        const chunk = plan.creates.slice(i, i + 400).map((person) => ({ person, ...newToken() }));
        const inserted = tx
          .insert(invitations)
          .values(
            chunk.map(({ person, tokenHash }) => ({
              tokenHash,
              email: person.email,
              name: person.name,
              role: person.role,
              locale: person.locale,
              organisationId: org.id,
              departmentId: deptId(person.department),
              invitedByUserId: actor.id,
              expiresAt: expires.toISOString(),
            })),
          )
          .returning({ id: invitations.id, tokenHash: invitations.tokenHash })
          .all();
        const idByHash = new Map(inserted.map((r) => [r.tokenHash, r.id]));
        const ids = chunk.map((c) => idByHash.get(c.tokenHash) ?? 0);
        tx.insert(importInvitations)
          .values(ids.map((invitationId) => ({ batchId: batch.id, invitationId })))
          .run();
        chunk.forEach(({ person, token }, k) => {
          enqueueMail(
            {
              eventKey: `invitation:${ids[k]}`,
              kind: "invitation",
              organisationId: org.id,
              locale: person.locale,
              sensitive: true,
              to: person.email,
              subject: subject[person.locale],
              text: translate(person.locale, "mail.inviteBody", {
                name: person.name,
                inviter: actor.name,
                role: translate(person.locale, `roles.${person.role}`),
                organisation: ` (${org.name})`,
                link: `${base}/invite/${token}`,
                expires: expiresText[person.locale],
              }),
            },
            tx,
          );
        });
      }

      for (const userId of toDeactivate) {
        tx.update(users).set({ status: "deactivated" }).where(eq(users.id, userId)).run();
        tx.delete(sessions).where(eq(sessions.userId, userId)).run();
      }

      const summary: AppliedSummary = {
        invited: plan.creates.length,
        changed: plan.changes.length,
        unchanged: plan.unchanged,
        skipped: plan.problems.length,
        deactivated: toDeactivate.length,
        sites: plan.sitesToCreate.length,
        departments: plan.departmentsToCreate.length,
      };
      // The rows (names and addresses of a whole staff) are not kept once applied: what happened is in the data.
      tx.update(importBatches)
        .set({
          status: "applied",
          appliedAt: now.toISOString(),
          appliedByUserId: actor.id,
          summary: JSON.stringify(summary),
          rows: "[]",
        })
        .where(eq(importBatches.id, batch.id))
        .run();
      return ok({ ...summary, roleChanged, deactivatedIds: toDeactivate });
    },
    { behavior: "immediate" },
  );
  if (!result.ok) return result;
  const { roleChanged, deactivatedIds, ...summary } = result.value;
  audit({
    actorUserId: actor.id,
    organisationId: org.id,
    action: "import.applied",
    entityType: "import_batch",
    entityId: input.batchId,
    detail: { ...summary, roleChanged, deactivated: deactivatedIds },
  });
  if (summary.invited > 0) wakeOutbox();
  return ok(summary);
}

/** HR throws the preview away. */
export function discardImport(actor: ImportActor, input: { organisationId: number; batchId: number }): Outcome {
  const org = organisationFor(actor, input.organisationId);
  if (!org) return fail("not_found", "errors.notFound");
  const done = getDb()
    .update(importBatches)
    .set({ status: "discarded", rows: "[]" })
    .where(
      and(
        eq(importBatches.id, input.batchId),
        eq(importBatches.organisationId, org.id),
        eq(importBatches.status, "previewed"),
      ),
    )
    .run();
  return done.changes ? ok() : fail("not_found", "errors.notFound");
}
