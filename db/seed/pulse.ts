// Demo pulse answers for ZAS, stored exactly as real ones are (random ids, half-year period, batches of five,
// no person, docs/decisions/080): last half-year has enough answers for the perception gap to show; this
// half-year has four of each, so the fifth answer (the demo newcomer's week-6 pulse, or a buddy in a campaign)
// makes this half-year's figures appear.
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { PortalDb } from "../client";
import { PULSE_BUDDY_V1, PULSE_NEWCOMER_V1, type PulseInstrumentData } from "../reference/pulse-v1";
import { organisations } from "../schema";
import { pulseOpenAnswers, pulseResponses } from "../schema-pulse";

// Mean agreement (1–5) per dimension that the demo respondents lean to.
const NEWCOMER_LEAN: Record<string, number> = {
  recruitment: 3.4,
  leadership: 2.6,
  recognition: 2.8,
  onboarding: 2.6,
  language: 2.2,
  team_culture: 2.4,
  wellbeing: 3.4,
  monitoring: 2.4,
};
const BUDDY_LEAN: Record<string, number> = {
  onboarding: 2.4,
  leadership: 2.8,
  team_culture: 3.4,
  language: 2.8,
  wellbeing: 3.2,
  monitoring: 2.2,
};
const SPREAD = [0, -1, 1, 0, 1, -1, 0, 1, -1, 0, 0, 1, -1];

const OPEN_NEWCOMER = [
  "Een vaste collega in de eerste weken hielp veel. Soms praat het team wel erg snel tijdens de overdracht.",
  "Ik wist lang niet waar ik met vragen over mijn papieren terechtkon.",
  "Meer tijd om samen met mijn buddy te werken in dezelfde dienst.",
  "Mijn ervaring als verpleegkundige van vroeger wordt nog weinig gebruikt.",
  "Een lijst met de woorden die we op de afdeling veel gebruiken zou helpen.",
];
const OPEN_BUDDY = [
  "Tijd in het rooster om buddy te zijn, nu doe ik het tussendoor.",
  "Een kort overleg met andere buddy's om ervaringen te delen.",
  "Dat mijn leidinggevende weet wat ik als buddy doe.",
  "Meer uitleg over hoe de erkenning van diploma's werkt.",
  "Tips om eenvoudiger te praten zonder kinderachtig te klinken.",
];

function periodOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-H${d.getUTCMonth() < 6 ? 1 : 2}`;
}

function answersFor(instrument: PulseInstrumentData, lean: Record<string, number>, respondent: number): string {
  const out: Record<string, number | "dont_know"> = {};
  instrument.statements.forEach((s, i) => {
    if ((respondent + i) % 11 === 4) {
      out[s.key] = "dont_know";
      return;
    }
    const base = lean[s.dimensionKey] ?? 3;
    const v = Math.round(base + (SPREAD[(respondent * 3 + i) % SPREAD.length] ?? 0));
    out[s.key] = Math.min(5, Math.max(1, v));
  });
  return JSON.stringify(out);
}

export function seedPulse(db: PortalDb, options: { now?: Date } = {}): void {
  const now = (options.now ?? new Date()).getTime();
  const current = periodOf(now);
  const sixMonthsAgo = new Date(now);
  sixMonthsAgo.setUTCMonth(sixMonthsAgo.getUTCMonth() - 6);
  const previous = periodOf(sixMonthsAgo.getTime());
  db.transaction((tx) => {
    const zas = tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, "ZAS Ziekenhuis aan de Stroom"))
      .get();
    if (!zas) return;
    const groups: {
      audience: "newcomer" | "buddy";
      instrument: PulseInstrumentData;
      lean: Record<string, number>;
      period: string;
      n: number;
      open: string[];
    }[] = [
      {
        audience: "newcomer",
        instrument: PULSE_NEWCOMER_V1,
        lean: NEWCOMER_LEAN,
        period: previous,
        n: 7,
        open: OPEN_NEWCOMER,
      },
      { audience: "buddy", instrument: PULSE_BUDDY_V1, lean: BUDDY_LEAN, period: previous, n: 6, open: OPEN_BUDDY },
      { audience: "newcomer", instrument: PULSE_NEWCOMER_V1, lean: NEWCOMER_LEAN, period: current, n: 4, open: [] },
      { audience: "buddy", instrument: PULSE_BUDDY_V1, lean: BUDDY_LEAN, period: current, n: 4, open: [] },
    ];
    for (const g of groups) {
      for (let i = 0; i < g.n; i++) {
        tx.insert(pulseResponses)
          .values({
            id: randomInt(1, 2 ** 47),
            organisationId: zas.id,
            audience: g.audience,
            instrumentVersion: g.instrument.version,
            period: g.period,
            batch: Math.floor(i / 5),
            answers: answersFor(g.instrument, g.lean, i + (g.period === current ? 20 : 0)),
          })
          .run();
      }
      g.open.forEach((text, i) => {
        tx.insert(pulseOpenAnswers)
          .values({
            id: randomInt(1, 2 ** 47),
            organisationId: zas.id,
            audience: g.audience,
            period: g.period,
            batch: Math.floor(i / 5),
            text,
          })
          .run();
      });
    }
  });
}
