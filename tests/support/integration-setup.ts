// Each integration test file gets its own SQLite file — a copy of the run's migrated base (decision 091) — and a
// real SMTP listener.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startMailCatcher } from "~/utils/mail-catcher.server";
import { baseDatabases, copyBase, removeDatabase, sameReferenceData } from "./databases";
import { setCatcher } from "./mail";

const dir = path.resolve("tests/.tmp");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `integration-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
process.env.DATABASE_PATH = file;
process.env.PORTAL_MODE = "demo";
process.env.LOG_REQUESTS = "false";
process.env.PUBLIC_URL = "http://portal.test";

const catcher = await startMailCatcher({ port: 0 });
process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
setCatcher(catcher);

// Runs after the test file's own top level (which may point MODULES_DIR elsewhere) and before its hooks. A file
// that opened the database while being collected, or reads another module catalogue, migrates its own as before.
beforeAll(async () => {
  if (fs.existsSync(file) || !sameReferenceData(await baseDatabases())) return;
  await copyBase("migrated", file);
});

afterAll(async () => {
  await catcher.close();
  removeDatabase(file);
});
