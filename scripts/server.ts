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
import { negotiateLocale, translate, isLocale, type MessageKey } from "~/utils/i18n";
import { recordSecurityEvent } from "~/utils/security-events.server";
import { scoreScan } from "~/features/scan/scoring";
import { REPLICATION_OFF } from "~/utils/operations";
import { inRequestScope } from "~/utils/request-scope.server";
import { appLifecycle, installGracefulShutdown } from "./ops/graceful";
import { publicFiles } from "./ops/public-files";
import { startReplication, type ReplicationSupervisor } from "./ops/replication";
import { startSchedulerThread } from "~/features/notifications/scheduler.server";
import { IMPORT_MAX_BYTES } from "~/features/import/table";

const env = getEnv();
const demo = env.PORTAL_MODE === "demo";

if (!demo && !env.SMTP_URL) {
  console.error("PORTAL_MODE=production needs SMTP_URL (e.g. smtp://user:pass@mail.example.org:587).");
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

function plainError(req: Request, res: Response, status: number, key: MessageKey) {
  const locale = requestLocale(req);
  res.status(status).type("text/plain; charset=utf-8").send(translate(locale, key));
}

// Methods: Remix serves GET and HEAD and hands POST, PUT, PATCH and DELETE to an action, whose readForm answers
// 405 for anything but its forms' POST. Other methods never reach Remix (TRACE would make it throw).
const REMIX_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
const STANDARD_METHODS = new Set(["OPTIONS", "TRACE", "CONNECT"]);

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
        // React writes style attributes; <style> elements stay forbidden. Charts come as SVG without any (decision 142).
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

app.use((req, res, next) => {
  if (REMIX_METHODS.has(req.method)) return next();
  if (STANDARD_METHODS.has(req.method)) {
    res.setHeader("Allow", "GET, HEAD, POST");
    return plainError(req, res, 405, "errors.methodNotAllowed");
  }
  plainError(req, res, 501, "errors.methodNotImplemented");
});

const IMPORT_PATHS = /^\/(hr\/import|admin\/organisations\/\d+\/import)\/?$/;

// Bodies: a clear 413 before anything reads an oversized form.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (req.headers["transfer-encoding"]) return plainError(req, res, 411, "errors.lengthRequired");
    return next();
  }
  // The import page takes a file of up to 5 MB (plus the multipart framing); readUploadForm enforces the 5 MB.
  if (IMPORT_PATHS.test(req.path)) {
    if (Number(length) > IMPORT_MAX_BYTES + 64 * 1024) return plainError(req, res, 413, "errors.fileTooLarge");
    return next();
  }
  if (Number(length) > env.BODY_LIMIT_BYTES) return plainError(req, res, 413, "errors.tooLarge");
  next();
});

// Cross-site form posts are refused even before SameSite cookies would have stopped them.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.headers.origin;
  // "null" is what a sandboxed frame, a data: page or a cross-site redirect sends: never the portal itself.
  if (origin !== undefined) {
    let host: string | null = null;
    try {
      host = origin === "null" ? null : new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.headers.host) {
      recordSecurityEvent({
        action: "security.cross_site_refused",
        path: req.path,
        detail: { method: req.method, origin: origin.slice(0, 200) },
      });
      return plainError(req, res, 403, "errors.crossSite");
    }
  }
  next();
});

app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// public/'s other files (the favicon) at their own paths only: other requests go to Remix without a stat (decision 188).
app.use(publicFiles("public", { except: ["build"], maxAge: "1h" }));

const remixHandler = createRequestHandler({
  build,
  mode: "production",
  getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? "unknown" }),
});
// Each request in its own scope, so the loaders of one document request share what they look up (the session).
app.all("*", (req, res, next) => inRequestScope(() => remixHandler(req, res, next)));

// The last word on errors: a client's mistake keeps its 4xx (a broken %-code in the path is Express's 400 from
// decoding it), anything else is a translated 500 without details.
function clientErrorStatus(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const status = "status" in error ? error.status : "statusCode" in error ? error.statusCode : undefined;
  return typeof status === "number" && status >= 400 && status < 500 ? status : null;
}

app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
  const status = clientErrorStatus(error);
  if (status === null) console.error(error);
  if (res.headersSent) return;
  if (status === null) return plainError(req, res, 500, "errors.unexpected");
  const key: MessageKey =
    error instanceof URIError ? "errors.malformedAddress" : status === 413 ? "errors.tooLarge" : "errors.badRequest";
  plainError(req, res, status, key);
});

const server = app.listen(env.PORT, env.HOST, () => {
  const lines = [
    "",
    `Newcomer-Proof Portal is running on ${publicUrl()}  (${demo ? "demo" : "production"} mode)`,
    `Database: ${databaseFile}${seededNow ? "  (created and filled with demo data)" : ""}`,
  ];
  if (catcherPort != null)
    lines.push(`E-mail: caught locally on port ${catcherPort}; read it as admin under /admin/mailbox`);
  if (demo) {
    lines.push("", `Demo logins (password for all: ${env.DEMO_PASSWORD}):`);
    for (const login of DEMO_LOGINS) lines.push(`  ${login.role.padEnd(9)} ${login.email}`);
  }
  console.log(lines.join("\n") + "\n");
});

// 4. Reminders and the outbox worker in a worker thread, off the request path (docs/decisions/071): a first tick sends
// what fell due while the server was down, then one every SCHEDULER_INTERVAL_SECONDS.
const stopScheduler = startSchedulerThread();

// ——— Operations: replication, readiness and graceful shutdown (issue 19; decisions 095–096) ————————————
// Kept in this one section and in scripts/ops/: the request handling above does not depend on it.
const lifecycle = appLifecycle(build);
let replication: ReplicationSupervisor | null = null;
if (env.REPLICA_URL) {
  try {
    replication = startReplication({
      databaseFile,
      replicaUrl: env.REPLICA_URL,
      syncInterval: env.REPLICA_SYNC_INTERVAL,
    });
  } catch (error) {
    // A replica we cannot even describe to Litestream (wrong scheme, no binary): refuse to start.
    console.error(`REPLICA_URL: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
lifecycle.attach({ replication: () => replication?.status() ?? REPLICATION_OFF });
installGracefulShutdown({
  server,
  lifecycle,
  replication,
  timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  beforeDrain: stopScheduler,
});
