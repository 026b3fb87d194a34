import { describe, expect, it } from "vitest";
import { scoreCheck, type CheckKey } from "./check";

const five: CheckKey = { questions: [0, 1, 2, 0, 3].map((correct) => ({ optionCount: 4, correct })) };
const four: CheckKey = { questions: [0, 1, 2, 0].map((correct) => ({ optionCount: 3, correct })) };
const three: CheckKey = { questions: [0, 1, 2].map((correct) => ({ optionCount: 3, correct })) };

describe("scoreCheck", () => {
  it.each([
    ["5 of 5", five, { q1: "a", q2: "b", q3: "c", q4: "a", q5: "d" }, 5, 100, true],
    ["4 of 5 passes at exactly 80 %", five, { q1: "a", q2: "b", q3: "c", q4: "a", q5: "a" }, 4, 80, true],
    ["3 of 5 fails", five, { q1: "a", q2: "b", q3: "c", q4: "b", q5: "a" }, 3, 60, false],
    ["3 of 4 fails at 75 %", four, { q1: "a", q2: "b", q3: "c", q4: "b" }, 3, 75, false],
    ["4 of 4", four, { q1: "a", q2: "b", q3: "c", q4: "a" }, 4, 100, true],
    ["2 of 3 fails at 67 %", three, { q1: "a", q2: "b", q3: "a" }, 2, 67, false],
    ["0 of 3", three, { q1: "b", q2: "a", q3: "a" }, 0, 0, false],
  ] as const)("%s", (_name, key, answers, correctCount, percent, passed) => {
    const outcome = scoreCheck(key, answers);
    expect(outcome).toMatchObject({ ok: true, result: { correctCount, percent, passed, total: key.questions.length } });
  });

  it("reports per question what was chosen and whether it was right", () => {
    const outcome = scoreCheck(three, { q1: "a", q2: "c", q3: "c" });
    expect(outcome.ok && outcome.result.questions).toEqual([
      { field: "q1", chosen: 0, correct: 0, isCorrect: true },
      { field: "q2", chosen: 2, correct: 1, isCorrect: false },
      { field: "q3", chosen: 2, correct: 2, isCorrect: true },
    ]);
  });

  it("asks for unanswered questions", () => {
    expect(scoreCheck(three, { q1: "a", q3: "" })).toEqual({ ok: false, kind: "missing", fields: ["q2", "q3"] });
  });

  it.each([
    ["an option the question does not have", { q1: "d", q2: "a", q3: "a" }, ["q1"]],
    ["an unknown option id", { q1: "z", q2: "a", q3: "a" }, ["q1"]],
    ["an option given as a list", { q1: ["a", "b"], q2: "a", q3: "a" }, ["q1"]],
    ["a question that does not exist", { q1: "a", q2: "a", q3: "a", q4: "a" }, ["q4"]],
    ["question zero", { q0: "a", q1: "a", q2: "a", q3: "a" }, ["q0"]],
  ])("refuses %s as tampering", (_name, answers, fields) => {
    expect(scoreCheck(three, answers)).toEqual({ ok: false, kind: "tampered", fields });
  });

  it("ignores other form fields such as the intent", () => {
    expect(scoreCheck(three, { q1: "a", q2: "b", q3: "c", intent: "check" }).ok).toBe(true);
  });
});
