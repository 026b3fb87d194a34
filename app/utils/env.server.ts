import { z } from "zod";

const booleanish = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const EnvSchema = z.object({
  PORTAL_MODE: z.enum(["demo", "production"]).default("demo"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_PATH: z.string().default("data/portal.db"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Newcomer-Proof Portal <no-reply@newcomer-proof.example>"),
  MAIL_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
  MAILBOX_DIR: z.string().default("data/mailbox"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  INVITATION_DAYS: z.coerce.number().int().min(1).default(7),
  PASSWORD_RESET_MINUTES: z.coerce.number().int().min(5).default(60),
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  // Seals TOTP secrets (decision 050): 32 bytes, base64. Unset: a key file beside the database, made at first use.
  SECOND_FACTOR_KEY: z.string().optional(),
  SECOND_FACTOR_KEY_FILE: z.string().optional(),
  DEMO_PASSWORD: z.string().min(12).default("Nieuwkomer-demo-2026"),
  COOKIE_SECURE: booleanish.optional(),
  LOG_REQUESTS: booleanish.default(true),
  // Operations (decisions 095–097): continuous replication is opt-in; shutdown waits this long for requests.
  REPLICA_URL: z.string().min(1).optional(),
  REPLICA_SYNC_INTERVAL: z
    .string()
    .regex(/^\d+(ms|s|m)$/)
    .default("1s"),
  // Days a buddy has to answer a proposal (decision 033); a value outside 1–30 falls back to the default.
  MATCH_PROPOSAL_DAYS: z.coerce.number().int().min(1).max(30).catch(5).default(5),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid configuration: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function publicUrl(): string {
  const env = getEnv();
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

/** Secure cookies (and the __Host- prefix) whenever the portal is reached over HTTPS. */
export function cookieSecure(): boolean {
  const env = getEnv();
  return env.COOKIE_SECURE ?? publicUrl().startsWith("https://");
}

export function isDemo(): boolean {
  return getEnv().PORTAL_MODE === "demo";
}
