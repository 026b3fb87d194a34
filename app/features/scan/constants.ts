// Constants shared by the scan's pure code and its UI (kept here so pure modules need not import db/).
// The one list of dimension keys in app/; constants.test.ts checks it against the instrument and module data.
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
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

export const ACTION_STATUSES = ["open", "in_progress", "done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A comment is a short evidence note, not a document. */
export const COMMENT_MAX = 1000;

export const ACTION_TEXT_MAX = 500;

export const OWNER_MAX = 120;
