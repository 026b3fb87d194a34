// How one autosave meets the stored answer of its item (decision 061). Values and comments are merged
// separately, three ways: what is stored now, what the page showed (its base), and what the user sends.
// A value keeps "last write wins, but never silently" (decision 011); a comment the user changed never
// replaces a colleague's newer comment: the stored one stays and the user is shown both to choose.
import type { AnswerValue } from "./scoring";

export type StoredAnswer = { value: AnswerValue; comment: string | null; revision: number };
export type IncomingAnswer = {
  value: AnswerValue;
  comment: string | null;
  /** the revision the page showed; absent from a caller that knows nothing of concurrency */
  baseRevision?: number;
  /** the value and comment the page showed (absent: unknown, treated as changed by the user) */
  baseValue?: AnswerValue;
  baseComment?: string | null;
};
export type Merged = {
  value: AnswerValue;
  comment: string | null;
  /** false when the merge leaves the row exactly as stored: nothing to write */
  write: boolean;
  /** the user's value replaced a different value written since the page loaded */
  valueReplaced: boolean;
  /** the user's comment was not applied because the stored comment changed since the page loaded */
  commentConflict: boolean;
};

export function mergeAnswer(stored: StoredAnswer | null, incoming: IncomingAnswer): Merged {
  const plain = {
    value: incoming.value,
    comment: incoming.comment,
    write: true,
    valueReplaced: false,
    commentConflict: false,
  };
  if (!stored) return plain;
  const stale = incoming.baseRevision !== undefined && incoming.baseRevision !== stored.revision;
  if (!stale) return plain;

  const userChangedValue = incoming.baseValue === undefined || incoming.value !== incoming.baseValue;
  const value = userChangedValue ? incoming.value : stored.value;
  const valueReplaced = userChangedValue && stored.value !== incoming.value;

  const userChangedComment = incoming.baseComment === undefined || incoming.comment !== incoming.baseComment;
  let comment = stored.comment;
  let commentConflict = false;
  if (userChangedComment && incoming.comment !== stored.comment) {
    const colleagueLeftItAlone = incoming.baseComment !== undefined && stored.comment === incoming.baseComment;
    if (colleagueLeftItAlone || stored.comment === null) comment = incoming.comment;
    else commentConflict = true;
  }
  return {
    value,
    comment,
    write: value !== stored.value || comment !== stored.comment,
    valueReplaced,
    commentConflict,
  };
}
