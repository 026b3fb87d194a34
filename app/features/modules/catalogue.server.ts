// The module catalogue as stored (db/reference/modules.ts loads it from markdown at every start).
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { modules, type ModuleRow } from "@db/schema-modules";
import { getDb } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";

export const BUDDY_MODULE_KEY = "being-a-buddy";

// The stored JSON columns, checked on the way out like any other input.
const StringList = z.array(z.string());
const AnswerKey = z.array(z.number().int());
const ContentSchema = z.object({
  title: z.string(),
  summary: z.string(),
  sections: z.array(z.object({ heading: z.string(), html: z.string() })),
  quiz: z.array(
    z.object({ question: z.string(), options: z.array(z.object({ text: z.string(), feedback: z.string() })) }),
  ),
});

export type LoadedModule = {
  key: string;
  position: number;
  audience: string[];
  durationMinutes: number;
  dimensions: string[];
  content: z.infer<typeof ContentSchema>;
  answerKey: number[];
};

export function loadModule(row: ModuleRow, locale: Locale): LoadedModule {
  return {
    key: row.key,
    position: row.position,
    audience: StringList.parse(JSON.parse(row.audience)),
    durationMinutes: row.durationMinutes,
    dimensions: StringList.parse(JSON.parse(row.dimensions)),
    content: ContentSchema.parse(JSON.parse(locale === "en" ? row.contentEn : row.contentNl)),
    answerKey: AnswerKey.parse(JSON.parse(row.answerKey)),
  };
}

export function activeModules(locale: Locale): LoadedModule[] {
  return getDb()
    .select()
    .from(modules)
    .where(eq(modules.active, true))
    .orderBy(asc(modules.position), asc(modules.key))
    .all()
    .map((row) => loadModule(row, locale));
}

/** An active module of the catalogue, or null (unknown and retired modules are not available). */
export function findModule(key: string, locale: Locale): LoadedModule | null {
  const row = getDb()
    .select()
    .from(modules)
    .where(and(eq(modules.key, key), eq(modules.active, true)))
    .get();
  return row ? loadModule(row, locale) : null;
}

export function moduleTitles(locale: Locale): { key: string; title: string }[] {
  return activeModules(locale).map((m) => ({ key: m.key, title: m.content.title }));
}
