// Pure: the template HR downloads, in Dutch or English. The headers are the ones the import reads first; the
// example rows are fictional and show every column once, including a site and a department to be created.
import { safeCell } from "./rows";

export type TemplateLocale = "nl" | "en";

export const TEMPLATE_HEADERS: Record<TemplateLocale, string[]> = {
  nl: ["Naam", "E-mail", "Rol", "Locatie", "Afdeling", "Taal"],
  en: ["Name", "E-mail", "Role", "Site", "Department", "Language"],
};

export const TEMPLATE_EXAMPLES: Record<TemplateLocale, string[][]> = {
  nl: [
    ["Zoë Peeters", "zoe.peeters@voorbeeld.be", "medewerker", "Campus Noord", "Geriatrie", "nl"],
    ["Samir El Idrissi", "samir.elidrissi@voorbeeld.be", "medewerker", "Campus Noord", "Spoedgevallen", "nl"],
    ["Anouk de Vries", "anouk.devries@voorbeeld.be", "hr", "Campus Zuid", "Personeelsdienst", "en"],
  ],
  en: [
    ["Zoë Peeters", "zoe.peeters@example.org", "employee", "North Campus", "Geriatrics", "nl"],
    ["Samir El Idrissi", "samir.elidrissi@example.org", "employee", "North Campus", "Emergency", "nl"],
    ["Anouk de Vries", "anouk.devries@example.org", "hr", "South Campus", "Human Resources", "en"],
  ],
};

function csvField(value: string, sep: string): string {
  const v = safeCell(value);
  return v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The CSV template: Dutch with semicolons (what Excel in Belgium and the Netherlands opens in columns), English
 * with commas; both UTF-8 with a BOM, so Excel shows "Zoë" and not "ZoÃ«".
 */
export function templateCsv(locale: TemplateLocale): string {
  const sep = locale === "nl" ? ";" : ",";
  const lines = [TEMPLATE_HEADERS[locale], ...TEMPLATE_EXAMPLES[locale]].map((r) =>
    r.map((c) => csvField(c, sep)).join(sep),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
