// The hot queries of the capacity world (decision 098): what they return stays the same, and SQLite answers
// them from an index instead of reading whole tables (on 200,000 people a table scan per page is the tail).
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { forbiddenPairs, matches } from "@db/schema-matching";
import { refreshMatchStates } from "~/features/matching/store.server";
import { getDb } from "~/utils/db.server";
import { matchingWorld } from "../support/matching-world";

const plan = (sql: string, ...params: unknown[]) =>
  (
    getDb()
      .$client.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params) as { detail: string }[]
  )
    .map((r) => r.detail)
    .join(" | ");

describe("match states across organisations", () => {
  it("expires exactly the proposals past their deadline and starts exactly the accepted pairs whose start date came, in every organisation", () => {
    const db = getDb();
    const now = new Date("2026-12-02T10:00:00.000Z");
    const make = (
      org: ReturnType<typeof matchingWorld>,
      tag: string,
      status: "proposed" | "accepted",
      deadline: string,
      startDate: string,
    ) => {
      const buddyId = org.buddy(`b-${tag}`, `Buddy ${tag}`, { profession: "nurse", department: "A", capacity: 3 });
      const newcomerId = org.newcomer(`Nieuwkomer ${tag}`, { profession: "nurse", department: "A" });
      const id = db
        .insert(matches)
        .values({ organisationId: org.organisationId, newcomerId, buddyId, status, deadline })
        .returning({ id: matches.id })
        .get().id;
      db.$client.prepare("UPDATE newcomer_records SET start_date = ? WHERE id = ?").run(startDate, newcomerId);
      return id;
    };
    const north = matchingWorld("Capaciteit Noord");
    const south = matchingWorld("Capaciteit Zuid");
    const late = make(north, "late", "proposed", "2026-12-01T09:00:00.000Z", "2027-01-01");
    const open = make(north, "open", "proposed", "2026-12-09T09:00:00.000Z", "2027-01-01");
    const lateSouth = make(south, "late-s", "proposed", "2026-12-02T09:59:59.000Z", "2027-01-01");
    const starts = make(south, "starts", "accepted", "2026-11-20T09:00:00.000Z", "2026-12-01");
    const waits = make(north, "waits", "accepted", "2026-11-20T09:00:00.000Z", "2026-12-15");

    refreshMatchStates(now);

    const status = new Map(
      db
        .select({ id: matches.id, status: matches.status })
        .from(matches)
        .where(inArray(matches.id, [late, open, lateSouth, starts, waits]))
        .all()
        .map((r) => [r.id, r.status]),
    );
    expect(Object.fromEntries(status)).toEqual({
      [late]: "expired",
      [open]: "proposed",
      [lateSouth]: "expired",
      [starts]: "active",
      [waits]: "accepted",
    });
    const forbidden = db
      .select({ reason: forbiddenPairs.reason, organisationId: forbiddenPairs.organisationId })
      .from(forbiddenPairs)
      .where(inArray(forbiddenPairs.organisationId, [north.organisationId, south.organisationId]))
      .all();
    expect(forbidden).toHaveLength(2);
    expect(forbidden.every((f) => f.reason === "expired")).toBe(true);
  });

  it("finds due proposals and starting pairs through an index, not by reading every match", () => {
    expect(plan("SELECT id FROM matches WHERE status = ? AND deadline < ?", "proposed", "2026-12-02")).toMatch(
      /SEARCH matches USING (COVERING )?INDEX matches_status_deadline_idx/,
    );
    expect(
      plan(
        "SELECT m.id FROM matches m JOIN newcomer_records n ON n.id = m.newcomer_id WHERE m.status = ? AND n.start_date <= ?",
        "accepted",
        "2026-12-02",
      ),
    ).toMatch(/SEARCH m USING (COVERING )?INDEX matches_status_deadline_idx \(status=\?\)/);
  });

  it("deletes a sign-in window's old attempts through an index on their time", () => {
    expect(plan("DELETE FROM login_attempts WHERE at < ?", "2026-12-02")).toMatch(
      /SEARCH login_attempts USING (COVERING )?INDEX login_attempts_at_idx/,
    );
  });
});
