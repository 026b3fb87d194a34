// Plain values the matching forms and their schemas share. No zod here: components import this file.

export const LANGUAGE_ROWS = 4;

export const RECOGNITION_STATUSES = ["not_started", "in_progress", "recognised", "not_needed"] as const;

export const CHECKIN_NOTE_MAX = 1000;
