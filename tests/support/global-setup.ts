// Once per test run, before any integration or end-to-end file (decision 091): the migrated and the demo base
// databases that every test file and every test server start from as a copy.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildBaseDatabases, type BaseDatabases } from "./databases";

// Both projects list this file; one build serves them when they run in the same process.
let built: Promise<BaseDatabases> | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  built ??= buildBaseDatabases();
  const bases = await built;
  project.provide("baseDatabases", bases);
  return () => {
    fs.rmSync(path.dirname(bases.migrated), { recursive: true, force: true });
  };
}
