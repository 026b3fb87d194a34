import { describe, expect, it } from "vitest";
import { mergeAnswer, type IncomingAnswer, type StoredAnswer } from "./merge";

const stored: StoredAnswer = { value: "2", comment: "Sofie: plan approved in May", revision: 3 };

describe("mergeAnswer", () => {
  const cases: {
    name: string;
    stored: StoredAnswer | null;
    incoming: IncomingAnswer;
    expected: Partial<ReturnType<typeof mergeAnswer>>;
  }[] = [
    {
      name: "first answer to an item is written as sent",
      stored: null,
      incoming: { value: "3", comment: "x", baseRevision: 0 },
      expected: { value: "3", comment: "x", write: true, valueReplaced: false, commentConflict: false },
    },
    {
      name: "a save based on the stored revision applies in full",
      stored,
      incoming: { value: "4", comment: "new", baseRevision: 3, baseValue: "2", baseComment: stored.comment },
      expected: { value: "4", comment: "new", write: true, commentConflict: false },
    },
    {
      name: "no base revision at all: last write wins (callers without concurrency information)",
      stored,
      incoming: { value: "1", comment: null },
      expected: { value: "1", comment: null, write: true },
    },
    {
      name: "stale, user changed only the value: the colleague's newer comment stays, no conflict",
      stored,
      incoming: { value: "4", comment: null, baseRevision: 1, baseValue: "1", baseComment: null },
      expected: { value: "4", comment: stored.comment, write: true, valueReplaced: true, commentConflict: false },
    },
    {
      name: "stale, user changed only the comment: the colleague's newer value stays, the comment applies when the colleague left it alone",
      stored: { value: "3", comment: null, revision: 2 },
      incoming: { value: "1", comment: "mine", baseRevision: 1, baseValue: "1", baseComment: null },
      expected: { value: "3", comment: "mine", write: true, valueReplaced: false, commentConflict: false },
    },
    {
      name: "stale, both changed the comment differently: the stored comment stays and the user must choose",
      stored,
      incoming: { value: "2", comment: "mine", baseRevision: 1, baseValue: "2", baseComment: null },
      expected: { value: "2", comment: stored.comment, write: false, commentConflict: true },
    },
    {
      name: "stale, comment conflict while the value changed: the value applies, the comment does not",
      stored,
      incoming: { value: "0", comment: "mine", baseRevision: 1, baseValue: "2", baseComment: "old" },
      expected: { value: "0", comment: stored.comment, write: true, valueReplaced: true, commentConflict: true },
    },
    {
      name: "stale, no base comment known and a stored comment exists: treated as a conflict",
      stored,
      incoming: { value: "2", comment: "mine", baseRevision: 1 },
      expected: { comment: stored.comment, commentConflict: true },
    },
    {
      name: "stale, both wrote the same comment: nothing to choose",
      stored,
      incoming: { value: "2", comment: stored.comment, baseRevision: 1, baseValue: "2", baseComment: null },
      expected: { comment: stored.comment, write: false, commentConflict: false },
    },
    {
      name: "stale, the colleague removed the comment: the user's new comment applies",
      stored: { value: "2", comment: null, revision: 5 },
      incoming: { value: "2", comment: "mine", baseRevision: 4, baseValue: "2", baseComment: "old" },
      expected: { comment: "mine", write: true, commentConflict: false },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(mergeAnswer(c.stored, c.incoming)).toMatchObject(c.expected);
    });
  }
});
