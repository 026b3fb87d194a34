import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";

let transport: Transporter | undefined;

function getTransport(): Transporter {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) {
    throw new Error("SMTP_URL is not configured: the portal cannot send e-mail.");
  }
  transport ??= nodemailer.createTransport(SMTP_URL);
  return transport;
}

export type OutgoingMail = { to: string; subject: string; text: string };

export async function sendMail(mail: OutgoingMail): Promise<void> {
  await getTransport().sendMail({ from: getEnv().MAIL_FROM, ...mail });
}
