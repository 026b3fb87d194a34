// The knowledge check's scoring (pure). A question's form field is q1…qN, an option's value a…d.
// Passed at 80 % or more, computed on whole counts so 4 of 5 passes and 3 of 4 (75 %) does not.

export const PASS_PERCENT = 80;
export const OPTION_IDS = ["a", "b", "c", "d"] as const;

export type CheckKey = {
  /** Per question, how many options it has and which one (0-based) is right. */
  questions: { optionCount: number; correct: number }[];
};

export type QuestionResult = { field: string; chosen: number; correct: number; isCorrect: boolean };

export type CheckResult = {
  questions: QuestionResult[];
  correctCount: number;
  total: number;
  percent: number;
  passed: boolean;
};

export type CheckOutcome =
  | { ok: true; result: CheckResult }
  // missing: a question left unanswered (a person can do that); tampered: a value no form could send.
  | { ok: false; kind: "missing"; fields: string[] }
  | { ok: false; kind: "tampered"; fields: string[] };

export const questionField = (index: number) => `q${index + 1}`;
export const optionId = (index: number) => OPTION_IDS[index] ?? "";

export function scoreCheck(key: CheckKey, answers: Readonly<Record<string, unknown>>): CheckOutcome {
  const missing: string[] = [];
  const tampered: string[] = [];
  const questions: QuestionResult[] = [];
  key.questions.forEach((q, index) => {
    const field = questionField(index);
    const value = answers[field];
    if (value === undefined || value === "") {
      missing.push(field);
      return;
    }
    const chosen = typeof value === "string" ? (OPTION_IDS as readonly string[]).indexOf(value) : -1;
    if (chosen < 0 || chosen >= q.optionCount) {
      tampered.push(field);
      return;
    }
    questions.push({ field, chosen, correct: q.correct, isCorrect: chosen === q.correct });
  });
  // Answers to questions that do not exist are tampering too.
  for (const field of Object.keys(answers)) {
    const match = /^q(\d+)$/.exec(field);
    if (match && (Number(match[1]) < 1 || Number(match[1]) > key.questions.length)) tampered.push(field);
  }
  if (tampered.length) return { ok: false, kind: "tampered", fields: tampered };
  if (missing.length) return { ok: false, kind: "missing", fields: missing };
  const total = key.questions.length;
  const correctCount = questions.filter((q) => q.isCorrect).length;
  return {
    ok: true,
    result: {
      questions,
      correctCount,
      total,
      percent: total === 0 ? 0 : Math.round((correctCount / total) * 100),
      passed: total > 0 && correctCount * 100 >= PASS_PERCENT * total,
    },
  };
}
