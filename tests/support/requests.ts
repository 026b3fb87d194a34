// Real Request objects for calling loaders and actions the way Remix does.
import { seedDemo, isSeeded } from "@db/seed/seed";
import { getDb } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { users } from "@db/schema";
import { eq } from "drizzle-orm";
import { scoreScan } from "~/features/scan/scoring";
import { copyDemoRowsInto } from "./databases";

export const DEMO_PASSWORD = "Nieuwkomer-demo-2026";
const BASE = "http://portal.test";

/**
 * The demo world in this file's database: copied from the run's demo base (decision 091) — the same rows
 * `seedDemo` writes — or, where the reference data differs from the base's, seeded as before.
 */
export async function seeded(): Promise<void> {
  const db = getDb();
  if (isSeeded(db)) return;
  if (await copyDemoRowsInto(db)) return;
  await seedDemo(db, { password: DEMO_PASSWORD, scoreScan });
}

export function userId(email: string): number {
  const row = getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

/** A session cookie for the user, made by the same code a sign-in uses. */
export function cookieFor(email: string): string {
  const setCookie = createSession(userId(email));
  return setCookie.split(";")[0] ?? "";
}

export function get(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** Runs a loader or action and returns what a caller sees: status, headers and parsed body. */
export async function call(
  fn: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown,
  request: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = { clientIp: "203.0.113.7" },
) {
  try {
    const result = await fn({ request, params, context });
    return normalise(result);
  } catch (thrown) {
    if (thrown instanceof Response) return normalise(thrown);
    throw thrown;
  }
}

type Outcome = { status: number; headers: Headers; body: unknown; location: string | null };

async function normalise(result: unknown): Promise<Outcome> {
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* plain text */
    }
    return { status: result.status, headers: result.headers, body, location: result.headers.get("Location") };
  }
  // Remix's data() helper: { type: "DataWithResponseInit", data, init }
  if (
    result &&
    typeof result === "object" &&
    "type" in result &&
    result.type === "DataWithResponseInit" &&
    "data" in result
  ) {
    const init =
      "init" in result && result.init && typeof result.init === "object" ? (result.init as ResponseInit) : {};
    return { status: init.status ?? 200, headers: new Headers(init.headers), body: result.data, location: null };
  }
  return { status: 200, headers: new Headers(), body: result, location: null };
}
