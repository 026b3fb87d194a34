// The production HTTP server: Express in front of the Remix build, so security middleware fits in.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase, prepareDatabase, resolveDatabasePath } from "@db/client";
import { DEMO_LOGINS } from "@db/seed/demo-data";
import { isSeeded, seedDemo } from "@db/seed/seed";
import { startMailCatcher } from "~/utils/mail-catcher.server";
import { getEnv, publicUrl } from "~/utils/env.server";
import { negotiateLocale, translate, isLocale } from "~/utils/i18n";
import { scoreScan } from "~/features/scan/scoring";
import { startSchedulerThread } from "~/features/notifications/scheduler.server";

const env = getEnv();
const demo = env.PORTAL_MODE === "demo";

if (!demo && !env.SMTP_URL) {
  console.error("PORTAL_MODE=production needs SMTP_URL (e.g. smtp://user:pass@mail.example.org:587).");
  process.exit(1);
}
if (!demo && env.PSEUDONYM_SECRET === "demo-pseudonym-secret") {
  console.error("PORTAL_MODE=production needs its own PSEUDONYM_SECRET.");
  process.exit(1);
}

// 1. The database: created, migrated and (demo, first start only) filled.
const databaseFile = resolveDatabasePath();
const db = openDatabase(databaseFile);
prepareDatabase(db);
let seededNow = false;
if (demo && !isSeeded(db)) {
  await seedDemo(db, { password: env.DEMO_PASSWORD, scoreScan });
  seededNow = true;
}
db.$client.close();

// 2. Mail: in the demo, a local catcher whose messages the admin can read in the portal.
let catcherPort: number | null = null;
if (demo && !env.SMTP_URL) {
  const catcher = await startMailCatcher({ port: env.MAIL_CATCHER_PORT, dir: path.resolve(env.MAILBOX_DIR) });
  catcherPort = catcher.port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
}

// 3. HTTP.
const buildPath = path.resolve("build/index.js");
if (!fs.existsSync(buildPath)) {
  console.error("No build found: run `npm run build` first (npm start does this for you).");
  process.exit(1);
}
const build: ServerBuild = await import(pathToFileURL(buildPath).href);

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
const https = publicUrl().startsWith("https://");

function requestLocale(req: Request) {
  const cookie = /(?:^|;\s*)lang=(nl|en)/.exec(req.headers.cookie ?? "")?.[1];
  return isLocale(cookie) ? cookie : (negotiateLocale(req.headers["accept-language"]) ?? "nl");
}

function plainError(req: Request, res: Response, status: number, key: "errors.tooLarge" | "errors.lengthRequired" | "errors.crossSite") {
  const locale = requestLocale(req);
  res.status(status).type("text/plain; charset=utf-8").send(translate(locale, key));
}

// Structured request log: no query strings (they can hold tokens), no IPs, no bodies.
if (env.LOG_REQUESTS) {
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = req.path.replace(/\/(invite|reset-password)\/[^/]+/, "/$1/:token");
      process.stdout.write(
        `${JSON.stringify({ t: new Date().toISOString(), method: req.method, path: route, status: res.statusCode, ms: Math.round(ms * 10) / 10 })}\n`,
      );
    });
    next();
  });
}

app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        // React and recharts write style attributes; <style> elements stay forbidden.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  }),
);
app.use((_req, res, next) => {
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  next();
});

// Bodies: a clear 413 before anything reads an oversized form.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (req.headers["transfer-encoding"]) return plainError(req, res, 411, "errors.lengthRequired");
    return next();
  }
  if (Number(length) > env.BODY_LIMIT_BYTES) return plainError(req, res, 413, "errors.tooLarge");
  next();
});

// Cross-site form posts are refused even before SameSite cookies would have stopped them.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.headers.origin;
  if (origin && origin !== "null") {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.headers.host) return plainError(req, res, 403, "errors.crossSite");
  }
  next();
});

app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: "production",
    getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? "unknown" }),
  }),
);

app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
  console.error(error);
  if (!res.headersSent) res.status(500).type("text/plain").send("Internal Server Error");
});

const server = app.listen(env.PORT, env.HOST, () => {
  const lines = [
    "",
    `Newcomer-Proof Portal is running on ${publicUrl()}  (${demo ? "demo" : "production"} mode)`,
    `Database: ${databaseFile}${seededNow ? "  (created and filled with demo data)" : ""}`,
  ];
  if (catcherPort != null) lines.push(`E-mail: caught locally on port ${catcherPort}; read it as admin under /admin/mailbox`);
  if (demo) {
    lines.push("", `Demo logins (password for all: ${env.DEMO_PASSWORD}):`);
    for (const login of DEMO_LOGINS) lines.push(`  ${login.role.padEnd(9)} ${login.email}`);
  }
  console.log(lines.join("\n") + "\n");
});

// 4. Reminders and the outbox worker in a worker thread, off the request path (docs/decisions/071): a first tick sends
// what fell due while the server was down, then one every SCHEDULER_INTERVAL_SECONDS.
const stopScheduler = startSchedulerThread();

function shutdown() {
  stopScheduler();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
