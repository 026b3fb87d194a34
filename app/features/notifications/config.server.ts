import { z } from "zod";

// The outbox and scheduler's own settings, apart from the shared env so other capabilities are not touched.
const Schema = z.object({
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).default(30),
  OUTBOX_LEASE_SECONDS: z.coerce.number().min(0.5).default(120),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().min(0.1).default(60),
  SCHEDULER: z.enum(["on", "off"]).default("on"),
});

export type NotificationConfig = z.infer<typeof Schema>;

let cached: NotificationConfig | undefined;

export function notificationConfig(): NotificationConfig {
  cached ??= Schema.parse(process.env);
  return cached;
}
