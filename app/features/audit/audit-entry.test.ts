import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTranslate, isMessageKey } from "~/utils/i18n";
import { keyShapedText } from "../../../tests/support/sweep";
import { actionText, auditSentence, detailText, shortName, type AuditSentenceView } from "./audit-entry";

const nl = { t: makeTranslate("nl"), isKey: isMessageKey };
const en = { t: makeTranslate("en"), isKey: isMessageKey };

const entry = (over: Partial<AuditSentenceView>): AuditSentenceView => ({
  action: "newcomer.view",
  entityType: "newcomer_record",
  entityId: "4",
  detail: null,
  targetName: "Samir Amrani",
  targetErased: false,
  actorName: "Anna Peeters",
  actorErased: false,
  ...over,
});

// Every action name the code writes, read from the writers: literal `action: "a.b"` in files that call audit(),
// the two ternaries and the `match.${outcome}` template spelled out.
function writtenActions(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.includes(".test.")) files.push(path);
    }
  };
  walk(join(__dirname, "..", ".."));
  const actions = new Set<string>(["match.accept", "match.decline"]);
  for (const file of files) {
    if (file.includes("locales")) continue;
    const text = readFileSync(file, "utf8");
    if (!/\baudit\w*\(/.test(text)) continue;
    for (const m of text.matchAll(/action: ([^,}]+)/g)) {
      for (const literal of m[1]!.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) actions.add(literal[1]!);
    }
    for (const m of text.matchAll(/"((?:security|auth)\.[a-z_]+)"/g)) actions.add(m[1]!);
  }
  return [...actions].sort();
}

describe("an audit entry as a sentence", () => {
  it("says who did what to whom, in Dutch and in English", () => {
    expect(auditSentence(entry({}), nl)).toBe("Anna Peeters bekeek het dossier van nieuwkomer Samir A.");
    expect(auditSentence(entry({}), en)).toBe("Anna Peeters viewed the record of newcomer Samir A.");
    const pin = entry({ action: "matching.pin", entityType: "matching_run", entityId: "7", targetName: null });
    expect(auditSentence(pin, nl)).toBe("Anna Peeters legde in koppelronde nr. 7 een koppeling vast.");
    expect(auditSentence(pin, en)).toBe("Anna Peeters fixed a pair in matching round no. 7.");
    const role = entry({ action: "user.role_changed", entityType: "user", entityId: "3", targetName: "Jan Janssens" });
    expect(auditSentence(role, nl)).toBe("Anna Peeters wijzigde de rol van Jan Janssens.");
  });

  it("calls an erased actor or target an erased person, and nobody signed in someone", () => {
    expect(auditSentence(entry({ targetErased: true, targetName: null, action: "newcomer.erase" }), nl)).toBe(
      "Anna Peeters wiste de gegevens van een gewiste persoon.",
    );
    expect(auditSentence(entry({ actorErased: true, actorName: "—" }), en)).toBe(
      "An erased person viewed the record of newcomer Samir A.",
    );
    expect(
      auditSentence(entry({ action: "user.deactivated", entityType: "user", entityId: "9", targetName: null }), nl),
    ).toBe("Anna Peeters deactiveerde een gewiste persoon.");
    expect(
      auditSentence(
        entry({ action: "auth.token_rejected", entityType: "invitation", entityId: null, actorName: null }),
        nl,
      ),
    ).toBe("Iemand gebruikte een ongeldige of verlopen link.");
    expect(
      auditSentence(
        entry({ action: "organisation.updated", entityType: "organisation", entityId: "2", targetName: null }),
        en,
      ),
    ).toBe("Anna Peeters changed the details of a removed organisation.");
  });

  it("falls back to a translated generic sentence for an action it does not know", () => {
    expect(auditSentence(entry({ action: "something.new_and_unknown", entityType: "something_internal" }), nl)).toBe(
      "Anna Peeters voerde een andere handeling uit.",
    );
    expect(auditSentence(entry({ action: "something.new_and_unknown", entityType: "something_internal" }), en)).toBe(
      "Anna Peeters carried out another action.",
    );
  });

  it("has its own sentence for every action the code writes, without codes", () => {
    const actions = writtenActions();
    expect(actions.length).toBeGreaterThan(80);
    expect(actions).toContain("matching.unpin");
    expect(actions).toContain("module.assignment.updated");
    for (const action of actions) {
      for (const words of [nl, en]) {
        const sentence = auditSentence(entry({ action, entityType: "match", entityId: "5", targetName: null }), words);
        expect(sentence, action).not.toBe(
          auditSentence(entry({ action: "x.unknown", entityType: "match", entityId: "5", targetName: null }), words),
        );
        expect(keyShapedText(sentence), action).toEqual([]);
        expect(sentence, action).not.toMatch(/[{}#]/);
      }
    }
  });

  it("shortens a newcomer to first name and initial", () => {
    expect(shortName("Samir Amrani")).toBe("Samir A.");
    expect(shortName("  amal  el haddad ")).toBe("amal H.");
    expect(shortName("Samir")).toBe("Samir");
  });
});

describe("an audit entry's parts in words", () => {
  it.each([
    ["newcomer.view", "Dossier van een nieuwkomer bekeken", "Newcomer's record viewed"],
    ["matching.send", "Buddyvoorstellen verstuurd", "Buddy proposals sent"],
    ["auth.login", "Aangemeld", "Signed in"],
    ["something.new_and_unknown", "Andere handeling", "Other action"],
  ])("the filter names %s %j / %j", (action, dutch, english) => {
    expect(actionText(action, nl)).toBe(dutch);
    expect(actionText(action, en)).toBe(english);
  });

  it("turns JSON details into text without codes", () => {
    const text = detailText(
      JSON.stringify({
        itemKey: "team_culture.3",
        fields: ["not_applicable"],
        sent: true,
        count: 4,
        error: "scan.errors.missingAnswers",
      }),
      en,
    );
    expect(text).not.toContain("{");
    expect(text).toContain("count: 4");
    expect(text).toContain("sent: yes");
    expect(keyShapedText(text)).toEqual([]);
    expect(detailText(null, nl)).toBe("—");
  });
});
