// An audit entry in words for the admin's log (admin.audit.tsx): the action translated, what it concerns by name
// ("a removed person" once erased), and its details as text rather than JSON. Never a raw code on screen.
import type { MessageKey, Translate } from "~/utils/i18n";

export type AuditEntryView = {
  action: string;
  entityType: string;
  entityId: string | number | null;
  detail: string | null;
  /** The person's or organisation's name, when the entry concerns one that still exists. */
  targetName: string | null;
};

type Words = { t: Translate; isKey: (value: unknown) => value is MessageKey };

const PEOPLE = new Set(["user", "newcomer_record"]);

export function actionText(action: string, { t, isKey }: Words): string {
  const known = `audit.actions.${action}`;
  if (isKey(known)) return t(known);
  const added = `auditLog.actions.${action.replace(/\./g, "_")}`;
  return isKey(added) ? t(added) : t("auditLog.other");
}

export function targetText(entry: AuditEntryView, { t, isKey }: Words): string {
  if (PEOPLE.has(entry.entityType) && entry.entityId !== null) return entry.targetName ?? t("auditLog.removedPerson");
  if (entry.entityType === "organisation" && entry.entityId !== null) return entry.targetName ?? t("auditLog.removedOrganisation");
  const typeKey = `auditLog.entities.${entry.entityType}`;
  if (!isKey(typeKey)) return "—";
  return entry.entityId === null ? t(typeKey) : t("auditLog.numbered", { type: t(typeKey), id: entry.entityId });
}

/** `{"fields":["name"],"count":3}` → "fields: name; count: 3" — words, not JSON. */
export function detailText(detail: string | null, words: Words): string {
  if (!detail) return "—";
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return humanise(detail);
  }
  return valueText(parsed, words) || "—";
}

function valueText(value: unknown, words: Words): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return words.t(value ? "auditLog.yes" : "auditLog.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return words.isKey(value) ? words.t(value) : humanise(value);
  if (Array.isArray(value)) return value.map((v) => valueText(v, words)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([key, v]) => `${humanise(key)}: ${valueText(v, words)}`)
      .join("; ");
  }
  return "";
}

/** `itemKey` → "item key", `not_applicable` → "not applicable", `team_culture.3` → "team culture 3". */
export function humanise(text: string): string {
  if (/\s/.test(text.trim()) && !/[_]/.test(text)) return text;
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .replace(/([a-zA-Z])\.(?=[a-zA-Z\d])/g, "$1 ")
    .toLowerCase();
}
