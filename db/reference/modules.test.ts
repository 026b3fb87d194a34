import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { migrateDatabase, openDatabase } from "../client";
import { modules } from "../schema-modules";
import { loadModuleCatalogue, parseModule, readModuleCatalogue, renderMarkdown, splitSections } from "./modules";

const FIXTURES = path.resolve("tests/fixtures/modules");
const CONTENT = path.resolve("db/content/modules");
const KEYS = [
  "who-are-our-newcomers",
  "intercultural-communication",
  "bias-in-selection",
  "language-sensitive-working",
  "being-a-buddy",
  "recognition-of-qualifications",
  "care-systems-compared",
  "inclusive-leadership",
  "discrimination-and-speaking-up",
  "trauma-and-wellbeing",
  "practical-life-support",
  "scan-to-action-plan",
  // written for newcomers themselves (docs/decisions/082)
  "working-in-care-teams",
  "your-recognition-route",
];

const nl = fs.readFileSync(path.join(FIXTURES, "being-a-buddy.nl.md"), "utf8");
const en = fs.readFileSync(path.join(FIXTURES, "being-a-buddy.en.md"), "utf8");
const parse =
  (nlSource: string, enSource = en) =>
  () =>
    parseModule("x/being-a-buddy.nl.md", nlSource, "x/being-a-buddy.en.md", enSource);

describe("module content", () => {
  it("reads the fixture catalogue in order, with the answer key from the Dutch file", () => {
    const catalogue = readModuleCatalogue(FIXTURES);
    expect(catalogue.map((m) => m.key)).toEqual([
      "intercultural-communication",
      "language-sensitive-working",
      "being-a-buddy",
      "scan-to-action-plan",
    ]);
    const buddy = catalogue.find((m) => m.key === "being-a-buddy");
    expect(buddy?.answerKey).toEqual([0, 1, 2]);
    expect(buddy?.nl.sections.map((s) => s.heading)).toEqual(["Eerste deel", "Tweede deel", "Derde deel"]);
    expect(buddy?.en.quiz[2]?.options).toHaveLength(4);
  });

  it.each([
    ["no front matter", nl.replace(/^---\n/, ""), "no front matter"],
    [
      "a quiz with two right answers",
      nl.replace('{ text: "Fout antwoord één", correct: false', '{ text: "Fout antwoord één", correct: true'),
      "exactly one option must be correct",
    ],
    ["an unknown dimension", nl.replace("dimensions: [onboarding]", "dimensions: [happiness]"), "dimensions.0"],
    ["an unknown audience", nl.replace("audience: [buddies]", "audience: [everyone]"), "audience.0"],
    ["a duration that is not a number", nl.replace("durationMinutes: 15", "durationMinutes: soon"), "durationMinutes"],
    ["only two sections", nl.replace(/## Derde deel[\s\S]*$/, ""), "needs 3–6"],
    ["text before the first section", nl.replace("## Eerste deel", "Inleiding\n\n## Eerste deel"), "text before"],
    [
      "a key that differs from the file name",
      nl.replace("key: being-a-buddy", "key: other-key"),
      "does not match the file name",
    ],
    ["invalid YAML", nl.replace("order: 5", "order: [5"), "not valid YAML"],
    ["an unexpected field", nl.replace("order: 5", "order: 5\ncolour: red"), "Unrecognized key"],
  ])("refuses a Dutch file with %s, naming the file", (_name, source, message) => {
    expect(parse(source)).toThrow(/x\/being-a-buddy\.nl\.md/);
    expect(parse(source)).toThrow(message);
  });

  it.each([
    [
      "another number of sections",
      en.replace(/## Third part[\s\S]*$/, "## Third part\n\nx\n\n## Fourth part\n\ny\n"),
      "has 4 sections",
    ],
    [
      "another right answer",
      en
        .replace('{ text: "Right answer one", correct: true', '{ text: "Right answer one", correct: false')
        .replace('{ text: "Wrong answer one", correct: false', '{ text: "Wrong answer one", correct: true'),
      "'correct' differs",
    ],
    [
      "a missing option",
      en.replace(/\n {6}- \{ text: "Another wrong answer three"[^\n]*/, ""),
      "different number of options",
    ],
    ["language-neutral fields", en.replace("key: being-a-buddy", "key: being-a-buddy\norder: 5"), "Unrecognized key"],
  ])("refuses an English file with %s, naming the file", (_name, source, message) => {
    expect(parse(nl, source)).toThrow(/x\/being-a-buddy\.en\.md/);
    expect(parse(nl, source)).toThrow(message);
  });

  it("refuses a folder where a language file is missing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "modules-"));
    fs.writeFileSync(path.join(dir, "being-a-buddy.nl.md"), nl);
    expect(() => readModuleCatalogue(dir)).toThrow(/being-a-buddy\.nl\.md: has no English/);
    fs.rmSync(dir, { recursive: true });
  });

  it("escapes raw HTML, drops unsafe links and images, and keeps headings below the section heading", () => {
    const html = renderMarkdown(
      "<img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1)) [ok](https://example.org) ![pic](https://x/y.png)\n\n# Big\n\n<b>bold</b>",
    );
    expect(html).not.toMatch(/<img|<b>|javascript:/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">ok</a>');
    expect(html).toContain("<h3>Big</h3>");
  });

  it("does not split on ## inside a code block", () => {
    expect(splitSections("## A\n\n```\n## not a heading\n```\n\n## B\n\nb")).toHaveLength(2);
  });

  it("accepts the content folder, when present, as the 14 modules (12 for staff, 2 for newcomers) in Dutch and English", () => {
    if (!fs.existsSync(CONTENT)) return;
    const files = fs.readdirSync(CONTENT).filter((f) => f.endsWith(".md"));
    const catalogue = readModuleCatalogue(CONTENT);
    expect(catalogue.length * 2).toBe(files.length);
    for (const m of catalogue) expect(KEYS).toContain(m.key);
  });

  it("loads idempotently: unchanged files are left alone, a changed file updates its module, a removed one goes inactive", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "modules-load-"));
    for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    const file = path.join(dir, "test.db");
    const db = openDatabase(file);
    try {
      migrateDatabase(db);
      expect(loadModuleCatalogue(db, dir)).toEqual({ inserted: 4, updated: 0, deactivated: 0 });
      expect(loadModuleCatalogue(db, dir)).toEqual({ inserted: 0, updated: 0, deactivated: 0 });
      const nlFile = path.join(dir, "being-a-buddy.nl.md");
      fs.writeFileSync(
        nlFile,
        fs.readFileSync(nlFile, "utf8").replace('title: "Testmodule being-a-buddy"', 'title: "Buddy zijn"'),
      );
      fs.rmSync(path.join(dir, "scan-to-action-plan.nl.md"));
      fs.rmSync(path.join(dir, "scan-to-action-plan.en.md"));
      expect(loadModuleCatalogue(db, dir)).toEqual({ inserted: 0, updated: 1, deactivated: 1 });
      const buddy = db.select().from(modules).where(eq(modules.key, "being-a-buddy")).get();
      expect(JSON.parse(buddy?.contentNl ?? "{}")).toMatchObject({ title: "Buddy zijn" });
      expect(db.select().from(modules).where(eq(modules.key, "scan-to-action-plan")).get()?.active).toBe(false);
      // A broken file stops the load and changes nothing.
      fs.writeFileSync(nlFile, "no front matter");
      expect(() => loadModuleCatalogue(db, dir)).toThrow(/being-a-buddy\.nl\.md: no front matter/);
      expect(
        JSON.parse(db.select().from(modules).where(eq(modules.key, "being-a-buddy")).get()?.contentNl ?? "{}"),
      ).toMatchObject({ title: "Buddy zijn" });
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
