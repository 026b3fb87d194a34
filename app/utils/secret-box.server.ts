// Seals small secrets (TOTP keys) with AES-256-GCM under a key that lives outside the database (decision 050).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabasePath } from "@db/client";
import { getEnv } from "./env.server";

let cachedKey: Buffer | undefined;

function keyFilePath(): string {
  const env = getEnv();
  return path.resolve(
    env.SECOND_FACTOR_KEY_FILE ?? path.join(path.dirname(resolveDatabasePath()), "second-factor.key"),
  );
}

/** SECOND_FACTOR_KEY (base64, 32 bytes) if set; otherwise a key file made at first use, readable by the owner only. */
function sealingKey(): Buffer {
  if (cachedKey) return cachedKey;
  const configured = getEnv().SECOND_FACTOR_KEY;
  if (configured) {
    const key = Buffer.from(configured, "base64");
    if (key.length !== 32) throw new Error("SECOND_FACTOR_KEY must be 32 bytes, base64-encoded");
    cachedKey = key;
    return key;
  }
  const file = keyFilePath();
  try {
    cachedKey = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": never overwrite a key another process wrote a moment ago; then read whichever won.
      fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch {
      /* written by another process */
    }
    cachedKey = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  }
  if (cachedKey.length !== 32) throw new Error(`The key file ${file} does not hold a 32-byte key`);
  return cachedKey;
}

/** `context` binds the sealed value to its row (e.g. "totp:12"), so it cannot be copied to another user. */
export function seal(plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(
    ".",
  );
}

/** The plain value, or null when the value was tampered with, moved, or sealed under another key. */
export function unseal(sealed: string, context: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
