// A calendar file for one day in the organisation's time zone (an all-day event: the buddy picks the hour).
import { createEvent } from "ics";
import type { MailAttachment } from "~/utils/mail.server";

export function dayEventAttachment(input: {
  uid: string;
  date: string;
  title: string;
  description: string;
  url: string;
}): MailAttachment | null {
  const [y, m, d] = input.date.split("-").map(Number);
  if (!y || !m || !d) return null;
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const { error, value } = createEvent({
    uid: `${input.uid}@newcomer-proof.portal`,
    productId: "newcomer-proof-portal",
    start: [y, m, d],
    end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
    title: input.title,
    description: input.description,
    url: input.url,
  });
  if (error || !value) return null;
  return { filename: "check-in.ics", contentType: "text/calendar; charset=utf-8", content: value };
}
