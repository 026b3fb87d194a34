import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: [
    "./db/schema.ts",
    "./db/schema-auth.ts",
    "./db/schema-modules.ts",
    "./db/schema-matching.ts",
    "./db/schema-benchmark.ts",
    "./db/schema-pulse.ts",
    "./db/schema-notifications.ts",
    "./db/schema-trajectories.ts",
    "./db/schema-import.ts",
    "./db/schema-sso.ts",
  ],
  out: "./migrations",
});
