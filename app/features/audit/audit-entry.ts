// An audit entry in words for the admin's log (admin.audit.tsx): the action translated, what it concerns by name
// ("an erased person" once erased), and its details as text rather than JSON. Never a raw code on screen.
import type { MessageKey, Translate } from "~/utils/i18n";

export type AuditEntryView = {
  action: string;
  entityType: string;
  entityId: string | number | null;
  detail: string | null;
  /** The person's or organisation's name, when the entry concerns one that still exists. */
  targetName: string | null;
};

/** An entry as the log page gets it: who acted (null: nobody signed in) and whether that person was erased since. */
export type AuditSentenceView = AuditEntryView & {
  actorName: string | null;
  actorErased: boolean;
  /** The person concerned was erased (their row keeps no name); shown as "an erased person". */
  targetErased: boolean;
};

type Words = { t: Translate; isKey: (value: unknown) => value is MessageKey };

const PEOPLE = new Set(["user", "newcomer_record"]);

export function actionText(action: string, { t, isKey }: Words): string {
  const known = `audit.actions.${action}`;
  if (isKey(known)) return t(known);
  const added = `auditLog.actions.${action.replace(/\./g, "_")}`;
  return isKey(added) ? t(added) : t("auditLog.other");
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

/**
 * "Anna Peeters bekeek het dossier van nieuwkomer Samir A." — one translated sentence per action (every action the
 * code writes has one), the actor and what it concerns by name; an action without a sentence reads as a translated
 * generic one. Erased people, actor or target, read as "an erased person".
 */
export function auditSentence(entry: AuditSentenceView, words: Words): string {
  const { t, isKey } = words;
  const actor = entry.actorErased ? t("auditLog.erasedPerson") : (entry.actorName ?? t("auditLog.someone"));
  const key = `auditLog.sentences.${entry.action.replace(/\./g, "_")}`;
  const params = { actor, target: targetPhrase(entry, words) };
  // A target ending in a full stop ("Samir A.") at the end of the sentence keeps one.
  return capitalise(isKey(key) ? t(key, params) : t("auditLog.otherSentence", params)).replace(/\.\.$/, ".");
}

function targetPhrase(entry: AuditSentenceView, { t, isKey }: Words): string {
  const { entityType, entityId } = entry;
  if (PEOPLE.has(entityType)) {
    if (entityId === null) return t("auditLog.unknownAccount");
    if (entry.targetErased || entry.targetName === null) return t("auditLog.erasedPerson");
    return entityType === "newcomer_record"
      ? t("auditLog.newcomerNamed", { name: shortName(entry.targetName) })
      : entry.targetName;
  }
  if (entityType === "organisation") {
    if (entityId === null) return t("auditLog.unknownTarget");
    return entry.targetName ?? t("auditLog.removedOrganisation");
  }
  const key = `auditLog.targets.${entityType}`;
  if (!isKey(key) || entityId === null) return t("auditLog.unknownTarget");
  return t(key, { id: entityId });
}

/** A newcomer by first name and initial ("Samir Amrani" → "Samir A."): the log shows who, not more than needed. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? name;
  return `${parts[0]} ${(parts.at(-1) ?? "").charAt(0).toUpperCase()}.`;
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
