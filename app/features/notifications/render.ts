// Turns an event into words in one language: the in-portal line and the e-mail (plain text and HTML).
import { formatDate, translate, type Locale, type MessageKey } from "~/utils/i18n";
import type { NotificationKind } from "./kinds";
import type { EventParams } from "./reminders";

export type Names = { moduleTitle: (key: string, locale: Locale) => string };

/** Dates and check-in moments are stored neutrally and shown in the reader's language. */
export function localiseParams(params: EventParams, locale: Locale, names: Names): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === "moment" && typeof value === "string" && /^(week1|week6|month3|month6)$/.test(value)) {
      out[name] = translate(locale, `notifications.moments.${value as "week1"}`);
    } else if (name === "module" && typeof value === "string") {
      out[name] = names.moduleTitle(value, locale);
    } else if (name.endsWith("At") && typeof value === "string") {
      out[name] = formatDate(locale, value, true);
    } else if (name.endsWith("Date") && typeof value === "string") {
      out[name] = formatDate(locale, `${value}T12:00:00Z`);
    } else {
      out[name] = value;
    }
  }
  return out;
}

export function notificationTitle(kind: NotificationKind, locale: Locale, params: EventParams, names: Names): string {
  return translate(locale, `notifications.kinds.${kind}.title` as MessageKey, localiseParams(params, locale, names));
}

export type RenderedMail = { subject: string; text: string; html: string };

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export type MailLinks = { open: string; preferences: string; unsubscribe: string | null };

/** A mail is a greeting, paragraphs, a link to open, and a footer with the preferences and unsubscribe links. */
export function composeMail(
  locale: Locale,
  input: { name: string; subject: string; paragraphs: string[]; links: MailLinks },
): RenderedMail {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const { links } = input;
  const footer = [t("notifications.mail.footer"), `${t("notifications.mail.preferences")}: ${links.preferences}`];
  if (links.unsubscribe) footer.push(`${t("notifications.mail.unsubscribe")}: ${links.unsubscribe}`);
  const text =
    [
      t("notifications.mail.greeting", { name: input.name }),
      ...input.paragraphs,
      `${t("notifications.mail.open")}:\n${links.open}`,
      `—\n${footer.join("\n")}`,
    ].join("\n\n") + "\n";

  const paragraph = (p: string) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`;
  const a = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head><body>`,
    paragraph(t("notifications.mail.greeting", { name: input.name })),
    ...input.paragraphs.map(paragraph),
    `<p>${a(links.open, t("notifications.mail.open"))}</p>`,
    `<hr><p><small>${escapeHtml(t("notifications.mail.footer"))}<br>${a(links.preferences, t("notifications.mail.preferences"))}`,
    links.unsubscribe ? ` · ${a(links.unsubscribe, t("notifications.mail.unsubscribe"))}` : "",
    `</small></p></body></html>`,
  ].join("");
  return { subject: input.subject, text, html };
}

export function renderNotificationMail(
  kind: NotificationKind,
  locale: Locale,
  input: { name: string; params: EventParams; links: MailLinks; names: Names },
): RenderedMail {
  const params = localiseParams(input.params, locale, input.names);
  const subject = translate(locale, `notifications.kinds.${kind}.title` as MessageKey, params);
  const body = translate(locale, `notifications.kinds.${kind}.body` as MessageKey, params);
  return composeMail(locale, { name: input.name, subject, paragraphs: [body], links: input.links });
}
