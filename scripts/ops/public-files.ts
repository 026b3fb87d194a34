// The files of public/ (beside the build, which has its own immutable route) served only for their own paths
// (decision 188). `express.static("public")` in front of every request asked the disk for every page's path first
// (a failed stat and an error object per document: ~0.3 ms of CPU on the scan page). public/ is part of the
// deployment, not written at run time, so its list is taken once at start.
import express, { type RequestHandler } from "express";
import fs from "node:fs";
import path from "node:path";

/** Every file under `dir` as a URL path ("/favicon.svg"), leaving out the folders in `except`. */
export function listPublicFiles(dir: string, except: readonly string[] = []): Set<string> {
  const out = new Set<string>();
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep);
    if (except.includes(relative[0] ?? "")) continue;
    out.add(`/${relative.join("/")}`);
  }
  return out;
}

export function publicFiles(dir: string, options: { except?: readonly string[]; maxAge: string }): RequestHandler {
  const files = listPublicFiles(dir, options.except);
  const serve = express.static(dir, { maxAge: options.maxAge, fallthrough: true });
  return (req, res, next) => {
    if ((req.method === "GET" || req.method === "HEAD") && files.has(req.path)) return serve(req, res, next);
    next();
  };
}
