// Decision 188: public/'s files are served for their own paths, and every other request goes on to the app without
// a look at the disk (express.static before it stat'ed each page's path and built an error for the miss).
import express from "express";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { publicFiles } from "./public-files";

// `send` (under express.static) stats through the CommonJS fs object.
const cjsFs = createRequire(import.meta.url)("fs") as typeof fs;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-public-"));
let base = "";
let close = () => {};

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  fs.mkdirSync(path.join(dir, "docs"));
  fs.writeFileSync(path.join(dir, "docs", "guide.txt"), "guide");
  fs.mkdirSync(path.join(dir, "build"));
  fs.writeFileSync(path.join(dir, "build", "entry.js"), "js");
  const app = express();
  app.use(publicFiles(dir, { except: ["build"], maxAge: "1h" }));
  app.use((_req, res) => {
    res.status(404).send("the app");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => {
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

describe("public files", () => {
  it("serves each file of public/ at its path, with its cache lifetime", async () => {
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(await icon.text()).toBe("<svg/>");
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    const nested = await fetch(`${base}/docs/guide.txt`);
    expect(await nested.text()).toBe("guide");
  });

  it("hands every other path to the app without asking the disk", async () => {
    const stat = vi.spyOn(cjsFs, "stat");
    for (const address of ["/hr/scans/2", "/build/entry.js", "/docs", "/favicon.svg/x"]) {
      const response = await fetch(`${base}${address}`);
      expect(await response.text()).toBe("the app");
    }
    expect(stat).not.toHaveBeenCalled();
  });
});
