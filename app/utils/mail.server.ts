import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";

let transport: Transporter | undefined;

function getTransport(): Transporter {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) {
    throw new Error("SMTP_URL is not configured: the portal cannot send e-mail.");
  }
  // Bounded waits: the outbox leases a message for a while, and a send must end (either way) well inside it.
  if (!transport) {
    const url = new URL(SMTP_URL);
    for (const [name, ms] of [["connectionTimeout", "10000"], ["greetingTimeout", "10000"], ["socketTimeout", "20000"]] as const) {
      if (!url.searchParams.has(name)) url.searchParams.set(name, ms);
    }
    transport = nodemailer.createTransport(url.toString());
  }
  return transport;
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
