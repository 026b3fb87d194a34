// Plain values the pulse forms and their schemas share. No zod here: components import this file.

export const PULSE_VALUES = ["1", "2", "3", "4", "5", "dont_know"] as const;

export const PERIOD_PATTERN = /^\d{4}-H[12]$/;

export const INTRODUCTION_MAX = 500;

export const NEWCOMER_NOTE_MAX = 400;
