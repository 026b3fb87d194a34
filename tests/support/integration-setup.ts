// Each integration test file gets its own migrated SQLite file and a real SMTP listener.
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { startMailCatcher } from "~/utils/mail-catcher.server";
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

afterAll(async () => {
  await catcher.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
});
