// Secrets the portal needs but must never ship in the repository (decision 019). In production they come from
// the environment; the demo generates its pseudonym secret at first start and keeps it in the data directory.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabasePath } from "@db/client";
import { getEnv } from "./env.server";

let cached: { file: string | null; secret: string } | undefined;

/** Where the demo keeps its generated pseudonym secret: beside the database, outside the repository. */
export function pseudonymSecretFile(databasePath: string = resolveDatabasePath()): string {
  return path.join(path.dirname(databasePath), "pseudonym-secret");
}

function readOrCreate(file: string): string {
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // Written aside and linked into place: a second process starting at the same moment reads a whole secret
  // (link fails when the file exists), never a half-written or a different one.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temporary, `${secret}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fs.readFileSync(file, "utf8").trim();
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * The HMAC key of the benchmark's pseudonyms: PSEUDONYM_SECRET when set (production must set it), otherwise, in
 * the demo, a random one generated once and stored in the data directory.
 */
export function pseudonymSecret(): string {
  if (!cached) {
    const env = getEnv();
    if (env.PSEUDONYM_SECRET) cached = { file: null, secret: env.PSEUDONYM_SECRET };
    else if (env.PORTAL_MODE === "demo") {
      const file = pseudonymSecretFile();
      cached = { file, secret: readOrCreate(file) };
    } else throw new Error("PORTAL_MODE=production needs PSEUDONYM_SECRET.");
  }
  return cached.secret;
}
