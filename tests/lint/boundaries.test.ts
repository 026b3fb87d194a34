// The architecture rules of eslint.config.js, tried on small deliberately bad (and good) snippets: each rule must
// fire where the house style forbids something, and stay quiet where it allows it.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function rulesFired(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return [...new Set(result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`))].sort();
}

// Loading the configuration and its plugins takes a few seconds on a busy machine: once, before the cases.
beforeAll(async () => {
  await eslint.lintText("export {};\n", { filePath: "app/routes/warm-up.tsx" });
}, 60_000);

const IMPORTS = "@typescript-eslint/no-restricted-imports";
const SYNTAX = "no-restricted-syntax";

describe("architecture boundaries", () => {
  it.each([
    [
      "a route calling getDb()",
      "app/routes/bad.tsx",
      'import { getDb } from "~/utils/db.server";\nexport const loader = () => getDb();\n',
      [IMPORTS, SYNTAX],
    ],
    [
      "a route using the relational query API without an import",
      "app/routes/bad.tsx",
      "export const loader = ({ context }: { context: { db: { query: { users: { findMany(): unknown } } } } }) => context.db.query.users.findMany();\n",
      [SYNTAX],
    ],
    [
      "a route importing the schema's values",
      "app/routes/bad.tsx",
      'import { users } from "@db/schema";\nexport const x = users;\n',
      [IMPORTS],
    ],
    [
      "a component importing the schema dynamically",
      "app/features/scan/components/bad.tsx",
      'export const load = () => import("@db/schema");\n',
      [SYNTAX],
    ],
    [
      "a pure module importing drizzle dynamically",
      "app/features/scan/bad.ts",
      'export const load = () => import("drizzle-orm");\n',
      [SYNTAX],
    ],
    [
      "app/root.tsx importing drizzle",
      "app/root.tsx",
      'import { eq } from "drizzle-orm";\nexport const x = eq;\n',
      [IMPORTS],
    ],
    [
      "a non-.server utility using drizzle",
      "app/utils/bad.ts",
      'import { eq } from "drizzle-orm";\nexport const x = eq;\n',
      [IMPORTS],
    ],
    [
      "a non-.server utility using the database connection",
      "app/utils/bad.ts",
      'import { getDb } from "~/utils/db.server";\nexport const x = getDb;\n',
      [IMPORTS],
    ],
    [
      "a pure module importing nodemailer",
      "app/features/scan/bad.ts",
      'import nodemailer from "nodemailer";\nexport const x = nodemailer;\n',
      [IMPORTS],
    ],
    [
      "a pure module importing os",
      "app/features/scan/bad.ts",
      'import os from "os";\nexport const x = os;\n',
      [IMPORTS],
    ],
    [
      "a pure module importing node:crypto",
      "app/features/scan/bad.ts",
      'import { randomUUID } from "node:crypto";\nexport const x = randomUUID;\n',
      [IMPORTS],
    ],
    [
      "a pure module importing a React component",
      "app/features/scan/bad.ts",
      'import { ScanItem } from "./components/scan-item";\nexport const x = ScanItem;\n',
      [IMPORTS],
    ],
    [
      "a pure module importing React",
      "app/features/scan/bad.ts",
      'import { useState } from "react";\nexport const x = useState;\n',
      [IMPORTS],
    ],
    [
      "a pure module importing server code",
      "app/features/scan/bad.ts",
      'import { findScan } from "./scan.server";\nexport const x = findScan;\n',
      [IMPORTS],
    ],
    [
      "a component importing a value from a .server module",
      "app/features/scan/components/bad.tsx",
      'import { findScan } from "../scan.server";\nexport const x = findScan;\n',
      [IMPORTS],
    ],
    [
      "a conditional hook",
      "app/features/scan/components/bad.tsx",
      'import { useState } from "react";\nexport function C({ on }: { on: boolean }) {\n  if (on) {\n    const [n] = useState(0);\n    return n;\n  }\n  return null;\n}\n',
      ["react-hooks/rules-of-hooks"],
    ],
    [
      "an effect with missing dependencies",
      "app/features/scan/components/bad.tsx",
      'import { useEffect } from "react";\nexport function C({ n }: { n: number }) {\n  useEffect(() => console.log(n), []);\n  return null;\n}\n',
      ["react-hooks/exhaustive-deps"],
    ],
    [
      "a route importing the schema dynamically",
      "app/routes/bad.tsx",
      'export const loader = async () => (await import("@db/schema")).users;\n',
      [SYNTAX],
    ],
    [
      "a route importing the database connection dynamically",
      "app/routes/bad.tsx",
      'export const loader = async () => (await import("~/utils/db.server")).getDb;\n',
      [SYNTAX],
    ],
    [
      "a route reading the body with request.formData()",
      "app/routes/bad.tsx",
      "export const action = async ({ request }: { request: Request }) => request.formData();\n",
      [SYNTAX],
    ],
    [
      "a route answering with a status number",
      "app/routes/bad.tsx",
      'import { data } from "@remix-run/node";\nexport const action = () => data({ formError: "errors.badRequest" }, { status: 400 });\n',
      [SYNTAX],
    ],
    [
      "a route choosing between status numbers",
      "app/routes/bad.ts",
      "export const loader = ({ ready }: { ready: boolean }) => Response.json({}, { status: ready ? 200 : 503 });\n",
      [SYNTAX],
    ],
    [
      "a route throwing a Response with a status number",
      "app/routes/bad.tsx",
      'export const loader = () => {\n  throw new Response("Not found", { status: 404 });\n};\n',
      [SYNTAX],
    ],
    [
      "a route passing a status number to data()",
      "app/routes/bad.tsx",
      'import { data } from "@remix-run/node";\nexport const action = () => data({ ok: false }, 409);\n',
      [SYNTAX],
    ],
    [
      "a use case taking FormData",
      "app/features/scan/bad.server.ts",
      'export function saveThing(user: { id: number }, form: FormData) {\n  return [user.id, form.get("x")];\n}\n',
      [SYNTAX],
    ],
    [
      "a use case reading process.env",
      "app/features/matching/bad.server.ts",
      "export const days = () => Number(process.env.MATCH_PROPOSAL_DAYS);\n",
      [SYNTAX],
    ],
    [
      "a pure module reading process.env",
      "app/features/matching/bad.ts",
      "export const days = () => Number(process.env.MATCH_PROPOSAL_DAYS);\n",
      [SYNTAX],
    ],
    [
      "a use case returning an HTTP status",
      "app/features/scan/bad.server.ts",
      "export function saveThing() {\n  return { ok: false, status: 409 };\n}\n",
      [SYNTAX],
    ],
    [
      "a result type carrying an HTTP status",
      "app/features/benchmark/bad.server.ts",
      "export type Refused = { ok: false; httpStatus: 400 | 404 };\n",
      [SYNTAX],
    ],
    [
      "a use case taking a Request",
      "app/features/matching/bad.server.ts",
      "export function startThing(request: Request) {\n  return request.url;\n}\n",
      [SYNTAX],
    ],
    [
      "a use case throwing a Response",
      "app/features/modules/bad.server.ts",
      'export function findThing() {\n  throw new Response("Not found", { statusText: "x" });\n}\n',
      [SYNTAX],
    ],
    [
      "a use case answering with data()",
      "app/features/people/bad.server.ts",
      'import { data } from "@remix-run/node";\nexport const refuse = () => data({ ok: false });\n',
      [SYNTAX],
    ],
    [
      "a pure module carrying an HTTP status",
      "app/features/scan/bad.ts",
      "export const refused = { ok: false, status: 400 } as const;\n",
      [SYNTAX],
    ],
    [
      "a use case deriving the transaction type again",
      "app/features/matching/bad.server.ts",
      'import type { getDb } from "~/utils/db.server";\nexport type Writer = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];\n',
      [SYNTAX],
    ],
    [
      "db/ importing from app/",
      "db/bad.ts",
      'import { isDemo } from "~/utils/env.server";\nexport const x = isDemo;\n',
      [IMPORTS],
    ],
  ])("refuses %s", async (_what, filePath, code, expected) => {
    expect(await rulesFired(filePath, code)).toEqual(expected);
  });

  it.each([
    [
      "a pure module importing zod, another pure module and db/ types",
      "app/features/scan/good.ts",
      'import { z } from "zod";\nimport type { Role } from "@db/schema";\nimport { scoreScan } from "./scoring";\nimport { navigationFor } from "~/features/auth/navigation";\nimport type { MessageKey } from "~/utils/i18n";\nexport const x = [z, scoreScan, navigationFor];\nexport type T = Role | MessageKey;\n',
    ],
    [
      "a component importing a .server module's types",
      "app/features/scan/components/good.tsx",
      'import type { ScanPage } from "../scan.server";\nexport function C({ page }: { page: ScanPage }) {\n  return <p>{String(page)}</p>;\n}\n',
    ],
    [
      "a use case with a status that is a word, returning an Outcome",
      "app/features/people/good.server.ts",
      'import { fail, ok, type Outcome } from "~/utils/use-case";\nexport function setThing(user: { id: number }, input: { status: "active" | "inactive" }): Outcome {\n  return user.id > 0 ? ok() : fail("forbidden", "errors.forbidden", { params: { status: input.status } });\n}\n',
    ],
    [
      "a route importing a use case and db/ types",
      "app/routes/good.tsx",
      'import type { Role } from "@db/schema";\nimport { findScan } from "~/features/scan/scan.server";\nexport const x = findScan;\nexport type T = Role;\n',
    ],
    [
      "a route taking its status from the one helper",
      "app/routes/good.tsx",
      'import { data } from "@remix-run/node";\nimport { statusOf } from "~/utils/respond.server";\nexport const action = () => data({ status: "draining" }, { status: statusOf("unavailable") });\n',
    ],
  ])("allows %s", async (_what, filePath, code) => {
    expect(await rulesFired(filePath, code)).toEqual([]);
  });
});
