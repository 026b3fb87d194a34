import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";

let transport: Transporter | undefined;
let connections = 1;

/** Pool defaults (decision 078); any of them can be set in SMTP_URL's query, e.g. `?maxConnections=5`. */
const DEFAULTS = [
  // Bounded waits: the outbox leases a message for a while, and a send must end (either way) well inside it.
  ["connectionTimeout", "10000"],
  ["greetingTimeout", "10000"],
  ["socketTimeout", "20000"],
  // One connection per mail cost a TCP handshake, the greeting and EHLO each time (about 5 mails/s): a small pool
  // of connections is kept open and reused, each for a bounded number of mails before it is replaced.
  ["pool", "true"],
  ["maxConnections", "3"],
  ["maxMessages", "100"],
] as const;

function getTransport(): Transporter {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) {
    throw new Error("SMTP_URL is not configured: the portal cannot send e-mail.");
  }
  if (!transport) {
    const url = new URL(SMTP_URL);
    for (const [name, value] of DEFAULTS) {
      if (!url.searchParams.has(name)) url.searchParams.set(name, value);
    }
    const pooled = url.searchParams.get("pool") === "true";
    connections = pooled ? Math.max(1, Number(url.searchParams.get("maxConnections")) || 1) : 1;
    transport = nodemailer.createTransport(url.toString());
  }
  return transport;
}

/** How many mails can usefully be in flight at once: one per pooled connection. */
export function mailConcurrency(): number {
  // Without SMTP_URL every send fails (and is retried) as before: one lane is enough for that.
  if (!getEnv().SMTP_URL) return 1;
  getTransport();
  return connections;
}

/** Closes the pooled connections (shutdown, the end of a bench); the next mail opens new ones. */
export function closeMailTransport(): void {
  transport?.close();
  transport = undefined;
}

export type MailAttachment = { filename: string; contentType: string; content: string };

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** A stable Message-ID lets a receiving server drop a copy that a crash mid-send made us send twice. */
  messageId?: string;
};

export async function sendMail(mail: OutgoingMail): Promise<void> {
  await getTransport().sendMail({ from: getEnv().MAIL_FROM, ...mail });
}
