import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, type BuddyFacts, type NewcomerFacts } from "./criteria";
import { pairVerdicts, planRun, type MatchingPool, type Pins, type PoolBuddy, type PoolNewcomer } from "./run-plan";

// A small ward: newcomers on department 100 of site 10; buddy 1 works on the same department (scores higher),
// buddy 2 elsewhere on the site. Dutch B1 on both sides, so every pair shares a working language.
const newcomerFacts: NewcomerFacts = {
  organisationId: 1,
  siteId: 10,
  departmentId: 100,
  profession: "nurse",
  dutchLevel: "B1",
  languages: [],
  shifts: ["day"],
  interests: [],
  buddyGenderPreference: null,
};
const buddyFacts: BuddyFacts = {
  organisationId: 1,
  siteId: 10,
  departmentId: 200,
  profession: "nurse",
  dutchLevel: "C1",
  languages: [],
  shifts: ["day"],
  interests: [],
  gender: null,
  status: "active",
  pausedUntil: null,
  capacity: 1,
  load: 0,
  trained: true,
  yearsInOrganisation: 5,
  ownNewcomerExperience: false,
};

const newcomer = (id: number, extra: Partial<PoolNewcomer> = {}): PoolNewcomer => ({
  id,
  name: `Newcomer ${id}`,
  departmentId: 100,
  facts: newcomerFacts,
  pendingBuddyId: null,
  forbiddenBuddyIds: new Set(),
  ...extra,
});
const buddy = (id: number, facts: Partial<BuddyFacts> = {}): PoolBuddy => ({
  id,
  name: `Buddy ${id}`,
  facts: { ...buddyFacts, ...facts },
});
const sameDepartment = { departmentId: 100 };

const pool = (newcomers: PoolNewcomer[], buddies: PoolBuddy[]): MatchingPool => ({
  newcomers,
  buddies,
  rules: { requireTraining: true, requireSameSite: false },
  today: "2026-12-02",
  departments: [{ id: 100, name: "Geriatrie", siteName: "Campus Noord" }],
});

type Case = {
  name: string;
  pool: MatchingPool;
  pins?: Pins;
  only?: number;
  /** newcomer id → chosen buddy id (null: none) */
  chosen: Record<number, number | null>;
  matched: number;
  reasons?: Record<number, { rule: string; count: number }[]>;
};

const cases: Case[] = [
  {
    name: "the better buddy (same department) goes to the only newcomer",
    pool: pool([newcomer(1)], [buddy(1, sameDepartment), buddy(2)]),
    chosen: { 1: 1 },
    matched: 1,
  },
  {
    name: "capacity: two newcomers, one slot each — both matched, the better pair kept",
    pool: pool(
      [newcomer(1), newcomer(2, { facts: { ...newcomerFacts, departmentId: 300 }, departmentId: 300 })],
      [buddy(1, sameDepartment), buddy(2)],
    ),
    chosen: { 1: 1, 2: 2 },
    matched: 2,
  },
  {
    name: "one buddy with one slot: the second newcomer is left without, every allowed buddy taken",
    pool: pool([newcomer(1), newcomer(2)], [buddy(1)]),
    chosen: { 1: 1, 2: null },
    matched: 1,
    reasons: { 2: [{ rule: "taken", count: 1 }] },
  },
  {
    name: "hard rules are counted per newcomer: untrained and other organisation",
    pool: pool([newcomer(1)], [buddy(1, { trained: false }), buddy(2, { organisationId: 2 })]),
    chosen: { 1: null },
    matched: 0,
    reasons: {
      1: [
        { rule: "untrained", count: 1 },
        { rule: "otherOrganisation", count: 1 },
      ],
    },
  },
  {
    name: "a declined pair is forbidden: the other buddy is chosen",
    pool: pool([newcomer(1, { forbiddenBuddyIds: new Set([1]) })], [buddy(1, sameDepartment), buddy(2)]),
    chosen: { 1: 2 },
    matched: 1,
  },
  {
    name: "a pending proposal holds its buddy's only slot: the newcomer keeps it, nobody else gets it",
    pool: pool([newcomer(1, { pendingBuddyId: 2 }), newcomer(2)], [buddy(2)]),
    chosen: { 1: 2, 2: null },
    matched: 1,
  },
  {
    name: "a pin wins over the better pair",
    pool: pool([newcomer(1)], [buddy(1, sameDepartment), buddy(2)]),
    pins: { "1": 2 },
    chosen: { 1: 2 },
    matched: 1,
  },
  {
    name: "a run for one newcomer returns only that row (the other still holds its pending slot)",
    pool: pool([newcomer(1, { pendingBuddyId: 1 }), newcomer(2)], [buddy(1, sameDepartment), buddy(2)]),
    only: 2,
    chosen: { 2: 2 },
    matched: 1,
  },
  { name: "an empty pool plans nothing", pool: pool([], [buddy(1)]), chosen: {}, matched: 0 },
];

describe("planRun", () => {
  it.each(cases)("$name", (c) => {
    const plan = planRun(c.pool, DEFAULT_WEIGHTS, c.pins ?? {}, c.only ?? null);
    expect(Object.fromEntries(plan.rows.map((r) => [r.newcomerId, r.chosen?.buddyId ?? null]))).toEqual(c.chosen);
    expect(plan.matched).toBe(c.matched);
    expect(plan.certificate).toEqual({ ok: true, reason: null });
    expect(plan.buddyIds).toEqual(c.pool.buddies.map((b) => b.id));
    for (const [id, reasons] of Object.entries(c.reasons ?? {})) {
      expect(plan.rows.find((r) => r.newcomerId === Number(id))?.reasons).toEqual(reasons);
    }
  });

  it("shows the department with its site, the alternatives best first, and the chosen pair's fit on 0–100", () => {
    const plan = planRun(
      pool([newcomer(1)], [buddy(1, sameDepartment), buddy(2), buddy(3, { trained: false })]),
      DEFAULT_WEIGHTS,
      {},
    );
    const [row] = plan.rows;
    expect(row?.department).toBe("Geriatrie (Campus Noord)");
    expect(row?.alternatives.map((a) => a.buddyId)).toEqual([2]);
    expect(row?.allowed.map((a) => a.buddyId)).toEqual([1, 2]);
    expect(row?.allowedCount).toBe(2);
    expect(row?.chosen?.fit).toBeGreaterThan(row?.alternatives[0]?.fit ?? 100);
    expect(row?.chosen?.fit).toBeLessThanOrEqual(100);
    expect(row?.chosen?.contributions.some((c) => c.key === "sameDepartment")).toBe(true);
    expect(plan.total).toBe(row?.chosen?.score);
  });

  it("with a pin, marks the row pinned and says what the unpinned best would have been", () => {
    const free = planRun(pool([newcomer(1)], [buddy(1, sameDepartment), buddy(2)]), DEFAULT_WEIGHTS, {});
    const pinned = planRun(pool([newcomer(1)], [buddy(1, sameDepartment), buddy(2)]), DEFAULT_WEIGHTS, { "1": 2 });
    expect(free.best).toBeNull();
    expect(pinned.rows[0]?.chosen?.pinned).toBe(true);
    expect(pinned.best).toEqual({ matched: free.matched, total: free.total });
    expect(pinned.total).toBeLessThan(free.total);
  });

  it("keeps a pending pair marked as kept", () => {
    const plan = planRun(
      pool([newcomer(1, { pendingBuddyId: 2 })], [buddy(1, sameDepartment), buddy(2)]),
      DEFAULT_WEIGHTS,
      {},
    );
    expect(plan.rows[0]?.chosen).toMatchObject({ buddyId: 2, kept: true, pinned: false });
    expect(plan.rows[0]?.pendingBuddyId).toBe(2);
  });
});

describe("pairVerdicts", () => {
  it.each([
    ["an allowed pair", buddy(1), true],
    ["a full buddy", buddy(1, { load: 1 }), false],
    ["a paused buddy", buddy(1, { status: "paused", pausedUntil: "2027-01-01" }), false],
  ])("judges %s", (_what, b, allowed) => {
    expect(pairVerdicts(pool([newcomer(1)], [b]), DEFAULT_WEIGHTS)(0, 0).allowed).toBe(allowed);
  });
});
