// The module catalogue is content, not code: db/content/modules/<key>.nl.md and <key>.en.md (front matter +
// markdown sections). This file reads and validates them and upserts the `modules` table at every start.
// A malformed file stops the start with a message naming the file (docs/decisions/020).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, notInArray } from "drizzle-orm";
import { Marked, type Tokens } from "marked";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { PortalDb } from "../client";
import { MODULE_AUDIENCES, modules } from "../schema-modules";

export const DEFAULT_MODULES_DIR = "db/content/modules";
export const DIMENSION_KEYS = [
  "leadership",
  "recruitment",
  "recognition",
  "onboarding",
  "language",
  "team_culture",
  "wellbeing",
  "monitoring",
] as const;

const text = z.string().trim().min(1);
const OptionNl = z.object({ text, correct: z.boolean(), feedback: text }).strict();
const OptionEn = OptionNl;
const quiz = (option: typeof OptionNl) =>
  z
    .array(
      z
        .object({ question: text, options: z.array(option).min(3).max(4) })
        .strict()
        .refine((q) => q.options.filter((o) => o.correct).length === 1, {
          message: "exactly one option must be correct",
        }),
    )
    .min(3)
    .max(5);

export const NlFrontMatterSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    order: z.number().int(),
    audience: z.array(z.enum(MODULE_AUDIENCES)).min(1),
    durationMinutes: z.number().int().positive().max(600),
    dimensions: z.array(z.enum(DIMENSION_KEYS)).min(1),
    title: text,
    summary: text,
    quiz: quiz(OptionNl),
  })
  .strict();

export const EnFrontMatterSchema = z
  .object({ key: z.string(), title: text, summary: text, quiz: quiz(OptionEn) })
  .strict();

export type ModuleLanguageContent = {
  title: string;
  summary: string;
  sections: { heading: string; html: string }[];
  quiz: { question: string; options: { text: string; feedback: string }[] }[];
};

export type ParsedModule = {
  key: string;
  order: number;
  audience: (typeof MODULE_AUDIENCES)[number][];
  durationMinutes: number;
  dimensions: (typeof DIMENSION_KEYS)[number][];
  nl: ModuleLanguageContent;
  en: ModuleLanguageContent;
  answerKey: number[];
  sourceHash: string;
};

export class ModuleContentError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Module content ${file}: ${detail}`);
    this.name = "ModuleContentError";
  }
}

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

// Raw HTML in a file is shown as text, never rendered; links only to http(s), mailto and same-site paths.
const markdown = new Marked({ gfm: true, breaks: false, async: false });
markdown.use({
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(this: { parser: { parseInline: (tokens: Tokens.Generic[]) => string } }, token: Tokens.Link) {
      const inner = this.parser.parseInline(token.tokens);
      const href = token.href.trim();
      if (!/^(https?:\/\/|mailto:|\/(?!\/))/i.test(href)) return inner;
      const external = /^https?:\/\//i.test(href);
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
      return `<a href="${escapeHtml(href)}"${title}${external ? ' rel="noopener noreferrer"' : ""}>${inner}</a>`;
    },
    image(token: Tokens.Image) {
      return escapeHtml(token.text);
    },
    heading(this: { parser: { parseInline: (tokens: Tokens.Generic[]) => string } }, token: Tokens.Heading) {
      // Sections are h2 on the page; headings inside a section start at h3.
      const level = Math.min(6, Math.max(3, token.depth));
      return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
    },
  },
});

export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}

/** Splits a markdown file into front matter and body. */
export function splitFrontMatter(source: string): { frontMatter: string; body: string } | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return null;
  return { frontMatter: match[1] ?? "", body: match[2] ?? "" };
}

/** The body's `## ` sections: heading and markdown; text before the first heading is not allowed. */
export function splitSections(body: string): { heading: string; markdown: string }[] | { error: string } {
  const lines = body.replace(/\r\n/g, "\n").split("\n");
  const sections: { heading: string; lines: string[] }[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^(```|~~~)/.test(line.trim())) inFence = !inFence;
    const heading = !inFence ? /^## +(.+?)\s*#*\s*$/.exec(line) : null;
    if (heading) {
      sections.push({ heading: heading[1] ?? "", lines: [] });
      continue;
    }
    const current = sections[sections.length - 1];
    if (!current) {
      if (line.trim() !== "") return { error: "text before the first '## ' section heading" };
      continue;
    }
    current.lines.push(line);
  }
  return sections.map((s) => ({ heading: s.heading, markdown: s.lines.join("\n").trim() }));
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(front matter)"}: ${i.message}`).join("; ");
}

function readHalf<S extends z.ZodType>(file: string, source: string, schema: S) {
  const parts = splitFrontMatter(source);
  if (!parts) throw new ModuleContentError(file, "no front matter between '---' lines at the top");
  let data: unknown;
  try {
    data = parseYaml(parts.frontMatter);
  } catch (error) {
    throw new ModuleContentError(
      file,
      `front matter is not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : "?"})`,
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ModuleContentError(file, issues(parsed.error));
  const sections = splitSections(parts.body);
  if ("error" in sections) throw new ModuleContentError(file, sections.error);
  if (sections.length < 3 || sections.length > 6)
    throw new ModuleContentError(file, `needs 3–6 '## ' sections, found ${sections.length}`);
  const empty = sections.findIndex((s) => !s.markdown);
  if (empty >= 0) throw new ModuleContentError(file, `section ${empty + 1} ("${sections[empty]?.heading}") is empty`);
  return { data: parsed.data as z.output<S>, sections };
}

/** Parses one module from the sources of its two files; throws ModuleContentError naming the file at fault. */
export function parseModule(nlFile: string, nlSource: string, enFile: string, enSource: string): ParsedModule {
  const nl = readHalf(nlFile, nlSource, NlFrontMatterSchema);
  const en = readHalf(enFile, enSource, EnFrontMatterSchema);
  const expectedKey = path.basename(nlFile).replace(/\.nl\.md$/, "");
  if (nl.data.key !== expectedKey)
    throw new ModuleContentError(nlFile, `key "${nl.data.key}" does not match the file name`);
  if (en.data.key !== nl.data.key)
    throw new ModuleContentError(enFile, `key "${en.data.key}" differs from the Dutch file's "${nl.data.key}"`);
  if (en.sections.length !== nl.sections.length)
    throw new ModuleContentError(enFile, `has ${en.sections.length} sections, the Dutch file ${nl.sections.length}`);
  if (en.data.quiz.length !== nl.data.quiz.length)
    throw new ModuleContentError(
      enFile,
      `has ${en.data.quiz.length} quiz questions, the Dutch file ${nl.data.quiz.length}`,
    );
  nl.data.quiz.forEach((q, qi) => {
    const other = en.data.quiz[qi];
    if (!other || other.options.length !== q.options.length)
      throw new ModuleContentError(
        enFile,
        `quiz question ${qi + 1} has a different number of options than in the Dutch file`,
      );
    q.options.forEach((o, oi) => {
      if (other.options[oi]?.correct !== o.correct)
        throw new ModuleContentError(
          enFile,
          `quiz question ${qi + 1}, option ${oi + 1}: 'correct' differs from the Dutch file`,
        );
    });
  });
  const content = (half: typeof nl | typeof en): ModuleLanguageContent => ({
    title: half.data.title,
    summary: half.data.summary,
    sections: half.sections.map((s) => ({ heading: s.heading, html: renderMarkdown(s.markdown) })),
    quiz: half.data.quiz.map((q) => ({
      question: q.question,
      options: q.options.map((o) => ({ text: o.text, feedback: o.feedback })),
    })),
  });
  return {
    key: nl.data.key,
    order: nl.data.order,
    audience: nl.data.audience,
    durationMinutes: nl.data.durationMinutes,
    dimensions: nl.data.dimensions,
    nl: content(nl),
    en: content(en),
    answerKey: nl.data.quiz.map((q) => q.options.findIndex((o) => o.correct)),
    sourceHash: sourceHash(nlSource, enSource),
  };
}

export function resolveModulesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.MODULES_DIR || DEFAULT_MODULES_DIR);
}

type ModuleSource = { key: string; nlFile: string; enFile: string; nlSource: string; enSource: string; hash: string };

export function sourceHash(nlSource: string, enSource: string): string {
  return createHash("sha256").update(nlSource).update("\0").update(enSource).digest("hex");
}

/** The <key>.nl.md / <key>.en.md pairs of a folder, unparsed. A missing folder is an empty catalogue. */
function readSources(dir: string): ModuleSource[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".md"));
  const stray = files.find((f) => !/\.(nl|en)\.md$/.test(f));
  if (stray) throw new ModuleContentError(path.join(dir, stray), "file name must end in .nl.md or .en.md");
  for (const f of files.filter((f) => f.endsWith(".en.md"))) {
    if (!files.includes(f.replace(/\.en\.md$/, ".nl.md")))
      throw new ModuleContentError(path.join(dir, f), "has no Dutch (.nl.md) counterpart");
  }
  return files
    .filter((f) => f.endsWith(".nl.md"))
    .sort()
    .map((f) => {
      const nlFile = path.join(dir, f);
      const enFile = path.join(dir, f.replace(/\.nl\.md$/, ".en.md"));
      if (!fs.existsSync(enFile)) throw new ModuleContentError(nlFile, "has no English (.en.md) counterpart");
      const nlSource = fs.readFileSync(nlFile, "utf8");
      const enSource = fs.readFileSync(enFile, "utf8");
      return {
        key: f.replace(/\.nl\.md$/, ""),
        nlFile,
        enFile,
        nlSource,
        enSource,
        hash: sourceHash(nlSource, enSource),
      };
    });
}

/** Reads and validates every module of a folder, in catalogue order. */
export function readModuleCatalogue(dir: string): ParsedModule[] {
  return readSources(dir)
    .map((src) => parseModule(src.nlFile, src.nlSource, src.enFile, src.enSource))
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/** Upserts the catalogue: unchanged files are left alone, changed ones update their module, removed ones go inactive. */
export function loadModuleCatalogue(
  db: PortalDb,
  dir = resolveModulesDir(),
): { inserted: number; updated: number; deactivated: number } {
  const sources = readSources(dir);
  const stored = new Map(
    db
      .select({ key: modules.key, hash: modules.sourceHash, active: modules.active })
      .from(modules)
      .all()
      .map((r) => [r.key, r]),
  );
  // Files whose bytes did not change were validated when they were loaded: only new and changed ones are parsed.
  const changed = sources
    .filter((src) => {
      const row = stored.get(src.key);
      return !row || row.hash !== src.hash || !row.active;
    })
    .map((src) => parseModule(src.nlFile, src.nlSource, src.enFile, src.enSource));
  const result = { inserted: 0, updated: 0, deactivated: 0 };
  db.transaction(
    (tx) => {
      for (const m of changed) {
        const existing = tx.select({ key: modules.key }).from(modules).where(eq(modules.key, m.key)).get();
        const values = {
          position: m.order,
          audience: JSON.stringify(m.audience),
          durationMinutes: m.durationMinutes,
          dimensions: JSON.stringify(m.dimensions),
          contentNl: JSON.stringify(m.nl),
          contentEn: JSON.stringify(m.en),
          answerKey: JSON.stringify(m.answerKey),
          sourceHash: m.sourceHash,
          active: true,
          updatedAt: new Date().toISOString(),
        };
        if (!existing) {
          tx.insert(modules)
            .values({ key: m.key, ...values })
            .run();
          result.inserted++;
        } else {
          tx.update(modules).set(values).where(eq(modules.key, m.key)).run();
          result.updated++;
        }
      }
      const keys = sources.map((src) => src.key);
      const gone = tx
        .update(modules)
        .set({ active: false })
        .where(keys.length ? and(eq(modules.active, true), notInArray(modules.key, keys)) : eq(modules.active, true))
        .run();
      result.deactivated = gone.changes;
    },
    { behavior: "immediate" },
  );
  return result;
}
