import { describe, expect, it } from "vitest";
import { makeTranslate, isMessageKey } from "~/utils/i18n";
import { keyShapedText } from "../../../tests/support/sweep";
import { actionText, detailText, targetText } from "./audit-entry";

const nl = { t: makeTranslate("nl"), isKey: isMessageKey };
const en = { t: makeTranslate("en"), isKey: isMessageKey };

describe("an audit entry in words", () => {
  it.each([
    ["newcomer.view", "Dossier van een nieuwkomer bekeken", "Newcomer's record viewed"],
    ["matching.send", "Buddyvoorstellen verstuurd", "Buddy proposals sent"],
    ["auth.login", "Aangemeld", "Signed in"],
    ["something.new_and_unknown", "Andere handeling", "Other action"],
  ])("%s reads %j / %j", (action, dutch, english) => {
    expect(actionText(action, nl)).toBe(dutch);
    expect(actionText(action, en)).toBe(english);
  });

  it("names the person or organisation concerned, and says so once they are removed", () => {
    expect(targetText({ action: "newcomer.view", entityType: "newcomer_record", entityId: "4", detail: null, targetName: "Amal Haddad" }, nl)).toBe("Amal Haddad");
    expect(targetText({ action: "user.erased", entityType: "user", entityId: "1", detail: null, targetName: null }, nl)).toBe("een verwijderde persoon");
    expect(targetText({ action: "user.erased", entityType: "user", entityId: "1", detail: null, targetName: null }, en)).toBe("a removed person");
    expect(targetText({ action: "organisation.updated", entityType: "organisation", entityId: "2", detail: null, targetName: "ZAS" }, en)).toBe("ZAS");
    expect(targetText({ action: "matching.run", entityType: "matching_run", entityId: "7", detail: null, targetName: null }, nl)).toBe("Koppelronde nr. 7");
    expect(targetText({ action: "x.y", entityType: "something_internal", entityId: "7", detail: null, targetName: null }, nl)).toBe("—");
  });

  it("turns JSON details into text without codes", () => {
    const text = detailText(JSON.stringify({ itemKey: "team_culture.3", fields: ["not_applicable"], sent: true, count: 4, error: "scan.errors.missingAnswers" }), en);
    expect(text).not.toContain("{");
    expect(text).toContain("count: 4");
    expect(text).toContain("sent: yes");
    expect(keyShapedText(text)).toEqual([]);
    expect(detailText(null, nl)).toBe("—");
  });
});
