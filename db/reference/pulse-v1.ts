// Version 1 of the pulse: short statements from lived experience, one instrument for newcomers and one for
// buddies, each statement mapped to one of the scan's 8 dimensions (db/reference/instrument-v1.ts) so HR's
// self-score can stand beside what people experience (docs/decisions/081). Plain Dutch at about B1 that reads
// naturally in Flanders and the Netherlands ("je", no regional words), and English.
// Once answered, a version's wording never changes: fix wording in a new version.

export type PulseStatementData = { key: string; dimensionKey: string; textNl: string; textEn: string };
export type PulseInstrumentData = {
  audience: "newcomer" | "buddy";
  version: number;
  statements: PulseStatementData[];
  openQuestionNl: string;
  openQuestionEn: string;
};

export const PULSE_NEWCOMER_V1: PulseInstrumentData = {
  audience: "newcomer",
  version: 1,
  statements: [
    {
      key: "n.recruitment.1",
      dimensionKey: "recruitment",
      textNl: "Toen ik solliciteerde, was duidelijk wat de functie van mij vraagt, ook voor de taal.",
      textEn: "When I applied, it was clear what the job asks of me, also for language.",
    },
    {
      key: "n.leadership.1",
      dimensionKey: "leadership",
      textNl: "Mijn leidinggevende vraagt regelmatig hoe het met mij gaat.",
      textEn: "My manager regularly asks how I am doing.",
    },
    {
      key: "n.recognition.1",
      dimensionKey: "recognition",
      textNl: "Ik krijg hulp om mijn diploma te laten erkennen of om verder te groeien in mijn beroep.",
      textEn: "I get help to have my diploma recognised or to grow in my profession.",
    },
    {
      key: "n.onboarding.1",
      dimensionKey: "onboarding",
      textNl: "Ik wist in mijn eerste week wat ik moest doen en bij wie ik terechtkon.",
      textEn: "In my first week I knew what to do and whom to turn to.",
    },
    {
      key: "n.onboarding.2",
      dimensionKey: "onboarding",
      textNl: "Mijn buddy heeft tijd voor mij als ik een vraag heb.",
      textEn: "My buddy has time for me when I have a question.",
    },
    {
      key: "n.language.1",
      dimensionKey: "language",
      textNl: "Mijn collega's passen hun manier van praten aan, zodat ik hen kan volgen.",
      textEn: "My colleagues adapt how they speak so I can follow.",
    },
    {
      key: "n.language.2",
      dimensionKey: "language",
      textNl: "Ik krijg kansen om Nederlands te oefenen tijdens het werk.",
      textEn: "I get chances to practise Dutch during work.",
    },
    {
      key: "n.team_culture.1",
      dimensionKey: "team_culture",
      textNl: "Ik voel me welkom in mijn team.",
      textEn: "I feel welcome in my team.",
    },
    {
      key: "n.team_culture.2",
      dimensionKey: "team_culture",
      textNl: "Mijn kennis en ervaring van vroeger worden gezien en gebruikt.",
      textEn: "My knowledge and earlier experience are seen and used.",
    },
    {
      key: "n.wellbeing.1",
      dimensionKey: "wellbeing",
      textNl: "Ik weet bij wie ik terechtkan voor praktische zaken, zoals papieren, wonen of vervoer.",
      textEn: "I know whom to ask about practical matters, such as papers, housing or transport.",
    },
    {
      key: "n.monitoring.1",
      dimensionKey: "monitoring",
      textNl: "Ik merk dat de organisatie iets doet met wat nieuwkomers zeggen.",
      textEn: "I notice that the organisation acts on what newcomers say.",
    },
  ],
  openQuestionNl: "Wat zou jouw start hier makkelijker maken?",
  openQuestionEn: "What would make your start here easier?",
};

export const PULSE_BUDDY_V1: PulseInstrumentData = {
  audience: "buddy",
  version: 1,
  statements: [
    {
      key: "b.onboarding.1",
      dimensionKey: "onboarding",
      textNl: "Ik krijg genoeg tijd tijdens mijn werkuren om buddy te zijn.",
      textEn: "I get enough time during my working hours to be a buddy.",
    },
    {
      key: "b.onboarding.2",
      dimensionKey: "onboarding",
      textNl: "De opleiding heeft mij goed voorbereid op mijn rol als buddy.",
      textEn: "The training prepared me well for my role as a buddy.",
    },
    {
      key: "b.onboarding.3",
      dimensionKey: "onboarding",
      textNl: "Mijn werk als buddy wordt gezien en gewaardeerd.",
      textEn: "My work as a buddy is seen and valued.",
    },
    {
      key: "b.leadership.1",
      dimensionKey: "leadership",
      textNl: "Mijn leidinggevende steunt mij in mijn rol als buddy.",
      textEn: "My manager supports me in my role as a buddy.",
    },
    {
      key: "b.team_culture.1",
      dimensionKey: "team_culture",
      textNl: "Mijn team staat open voor de nieuwe collega.",
      textEn: "My team is open to the new colleague.",
    },
    {
      key: "b.language.1",
      dimensionKey: "language",
      textNl: "Ik weet hoe ik mijn nieuwe collega kan helpen met Nederlands op de werkvloer.",
      textEn: "I know how to help my new colleague with Dutch at work.",
    },
    {
      key: "b.wellbeing.1",
      dimensionKey: "wellbeing",
      textNl: "Ik weet naar wie ik mijn nieuwe collega kan sturen met praktische of persoonlijke vragen.",
      textEn: "I know where to send my new colleague with practical or personal questions.",
    },
    {
      key: "b.monitoring.1",
      dimensionKey: "monitoring",
      textNl: "Wat ik als buddy merk, wordt opgepikt door de organisatie.",
      textEn: "What I notice as a buddy is picked up by the organisation.",
    },
  ],
  openQuestionNl: "Wat zou jou helpen om een betere buddy te zijn?",
  openQuestionEn: "What would help you be a better buddy?",
};

export const PULSE_INSTRUMENTS: PulseInstrumentData[] = [PULSE_NEWCOMER_V1, PULSE_BUDDY_V1];

export function currentPulseInstrument(audience: "newcomer" | "buddy"): PulseInstrumentData {
  return audience === "newcomer" ? PULSE_NEWCOMER_V1 : PULSE_BUDDY_V1;
}

export function pulseInstrument(audience: "newcomer" | "buddy", version: number): PulseInstrumentData | undefined {
  return PULSE_INSTRUMENTS.find((i) => i.audience === audience && i.version === version);
}
