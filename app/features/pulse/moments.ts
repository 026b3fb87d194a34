// When the pulse is due (docs/decisions/080): pure, so the reminders can call the same rules later.
//   newcomer: week 6, month 3 and month 6 of a match (counted like the check-ins, from the later of the start
//             date and the acceptance), while the match runs or if it ended after that moment;
//   buddy:    month 3 of a match, and the end of a match (completed or stopped);
//   campaign: HR's campaign invites every active newcomer and buddy of the organisation while it is open.
// An invitation stays open for OPEN_DAYS after its moment. One answer uses every invitation open at that
// time for the same audience, so nobody answers twice for the same stretch of time.

export const OPEN_DAYS = 42;

export type PulseAudience = "newcomer" | "buddy";
export type MatchFacts = { id: number; status: string; base: string; endedOn: string | null };
export type CampaignFacts = { id: number; opensOn: string; closesOn: string };
export type Invitation = {
  occasion: string;
  audience: PulseAudience;
  moment: "week6" | "month3" | "month6" | "end" | "campaign";
  dueOn: string;
  closesOn: string;
};

export function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

const RAN = new Set(["active", "completed", "stopped"]);
const ENDED = new Set(["completed", "stopped"]);

function windowFrom(dueOn: string, today: string): string | null {
  const closesOn = addDays(dueOn, OPEN_DAYS - 1);
  return dueOn <= today && today <= closesOn ? closesOn : null;
}

/** Invitations open on `today` for someone in `audience` with these matches and campaigns, minus those used. */
export function invitationsDue(input: {
  audience: PulseAudience;
  matches: readonly MatchFacts[];
  campaigns: readonly CampaignFacts[];
  used: ReadonlySet<string>;
  today: string;
}): Invitation[] {
  const { audience, today } = input;
  const out: Invitation[] = [];
  for (const m of input.matches) {
    if (!RAN.has(m.status)) continue;
    const moments: { moment: Invitation["moment"]; dueOn: string }[] =
      audience === "newcomer"
        ? [
            { moment: "week6", dueOn: addDays(m.base, 42) },
            { moment: "month3", dueOn: addMonths(m.base, 3) },
            { moment: "month6", dueOn: addMonths(m.base, 6) },
          ]
        : [
            { moment: "month3", dueOn: addMonths(m.base, 3) },
            ...(ENDED.has(m.status) && m.endedOn ? [{ moment: "end" as const, dueOn: m.endedOn.slice(0, 10) }] : []),
          ];
    for (const { moment, dueOn } of moments) {
      // A moment after the end of a match is not asked about (except the end itself).
      if (moment !== "end" && m.endedOn && dueOn > m.endedOn.slice(0, 10)) continue;
      const closesOn = windowFrom(dueOn, today);
      const occasion = `match:${m.id}:${audience}:${moment}`;
      if (closesOn && !input.used.has(occasion)) out.push({ occasion, audience, moment, dueOn, closesOn });
    }
  }
  for (const c of input.campaigns) {
    const occasion = `campaign:${c.id}:${audience}`;
    if (c.opensOn <= today && today <= c.closesOn && !input.used.has(occasion))
      out.push({ occasion, audience, moment: "campaign", dueOn: c.opensOn, closesOn: c.closesOn });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.occasion.localeCompare(b.occasion));
}
