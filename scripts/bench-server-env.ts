// What a benchmark sets on a portal server it starts when mail is not what it measures: no scheduler (its ticks
// would spend the processor the bench is measuring and its deliveries would fail against the dead SMTP address,
// printing "outbox: … failed: ESOCKET"), an SMTP address nothing listens on (no request of such a bench sends
// mail), and no request log. bench-reminders measures the scheduler and mail, and starts neither this way.
export const QUIET_SERVER_ENV = { SCHEDULER: "off", SMTP_URL: "smtp://127.0.0.1:9", LOG_REQUESTS: "false" } as const;
