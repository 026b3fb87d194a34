// The notification forms' rules (server side: routes parse with these; components import the zod-free `kinds.ts`).
import { z } from "zod";
import { idField } from "~/utils/form-fields";
import { CHANNELS, channelsFor, isNotificationKind, type Channel, type NotificationKind } from "./kinds";

export type PreferenceChoices = Partial<Record<NotificationKind, Channel>>;

const channel = z.enum(CHANNELS);

/**
 * The preference form: one select per kind, named `kind:<kind>`. Unknown kinds, impossible channels and a form
 * without any choice are refused as a whole, so a tampered form changes nothing. Which kinds the user's role
 * may choose is the use case's check (`savePreferences`).
 */
export const PreferenceFormSchema = z.record(z.string(), z.unknown()).transform((form, ctx): PreferenceChoices => {
  const value: PreferenceChoices = {};
  for (const [name, raw] of Object.entries(form)) {
    if (!name.startsWith("kind:")) continue;
    const kind = name.slice(5);
    const parsed = channel.safeParse(raw);
    if (!isNotificationKind(kind) || !parsed.success || !channelsFor(kind).includes(parsed.data)) {
      ctx.addIssue({ code: "custom", message: "notifications.preferences.invalid" });
      return z.NEVER;
    }
    value[kind] = parsed.data;
  }
  if (Object.keys(value).length === 0) {
    ctx.addIssue({ code: "custom", message: "notifications.preferences.invalid" });
    return z.NEVER;
  }
  return value;
});

/** Only kinds the role can receive. */
export function onlyAllowed(choices: PreferenceChoices, allowed: readonly NotificationKind[]): boolean {
  return Object.keys(choices).every((kind) => isNotificationKind(kind) && allowed.includes(kind));
}

/** The form as a whole, for a role's allowed kinds (what the route and the use case check together). */
export function parsePreferenceForm(
  entries: Iterable<[string, unknown]>,
  allowed: readonly NotificationKind[],
): { ok: true; value: PreferenceChoices } | { ok: false } {
  const form: Record<string, unknown> = {};
  for (const [name, value] of entries) form[name] = name in form ? [form[name], value].flat() : value;
  const parsed = PreferenceFormSchema.safeParse(form);
  if (!parsed.success || !onlyAllowed(parsed.data, allowed)) return { ok: false };
  return { ok: true, value: parsed.data };
}

/** The admin's retry button: the id of a failed message. */
export const RetryMessageSchema = z.object({ id: idField("notifications.outbox.notFailed") });
