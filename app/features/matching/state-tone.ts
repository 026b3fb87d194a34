// How a newcomer's matching state is coloured in lists: the one that needs HR's attention stands out (issue 14:
// "waiting" was the green one and "matched" grey, the wrong way round).
export type NewcomerStateName = "waiting" | "proposed" | "matched" | "ended" | "erased";
export type Tone = "attention" | "progress" | "done" | "muted";

const TONES: Record<NewcomerStateName, Tone> = {
  waiting: "attention",
  proposed: "progress",
  matched: "done",
  ended: "muted",
  erased: "muted",
};

export function stateTone(state: NewcomerStateName): Tone {
  return TONES[state];
}

/** The badge class for a tone (app.css). */
export function toneClass(tone: Tone): string {
  return {
    attention: "badge badge--attention",
    progress: "badge badge--progress",
    done: "badge",
    muted: "badge badge--muted",
  }[tone];
}
