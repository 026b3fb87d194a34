import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const alias = {
  "~": fileURLToPath(new URL("./app", import.meta.url)),
  "@db": fileURLToPath(new URL("./db", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // One worker per core (decision 141 amends 091): with four, each browser journey competed with three servers
    // and a shared Chromium on two cores and the longest ones ran past their budgets in the merged suite.
    // VITEST_MAX_WORKERS overrides it.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/lint/**/*.test.ts"],
          environment: "node",
          // A ceiling for a busy machine, not a speed target (targets live in the bench scripts).
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          // Ceilings for a loaded machine (four workers beside other jobs), not expectations.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/e2e-global-setup.ts"],
          // Files run side by side (decision 091): each starts its own server on a free port over its own copy of
          // the demo base; all share the run's one Chromium. Budgets are generous; nothing waits on time.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
