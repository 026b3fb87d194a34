// Demo world: fictional people in organisations that feel like the pilot's. Pure data, no IO.
import type { Country, Role, Sector, SizeBand } from "../schema";

export type DemoOrganisation = {
  key: string;
  kind: "care_provider" | "partner";
  name: string;
  country: Country;
  sector: Sector;
  sizeBand: SizeBand;
  benchmarkConsent: boolean;
  sites: { name: string; city: string; departments: string[] }[];
};

export type DemoUser = {
  email: string;
  name: string;
  role: Role;
  organisationKey: string | null;
  department?: string;
  locale?: "nl" | "en";
};

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: "zas",
    kind: "care_provider",
    name: "ZAS Ziekenhuis aan de Stroom",
    country: "BE",
    sector: "hospital",
    sizeBand: "very_large",
    benchmarkConsent: true,
    sites: [
      { name: "ZAS Middelheim", city: "Antwerpen", departments: ["Cardiologie", "Geriatrie", "Spoedgevallen"] },
      { name: "ZAS Augustinus", city: "Wilrijk", departments: ["Orthopedie", "Materniteit", "Intensieve zorg"] },
      { name: "ZAS Palfijn", city: "Merksem", departments: ["Interne geneeskunde", "Sociale dienst"] },
    ],
  },
  {
    key: "zuyderland",
    kind: "care_provider",
    name: "Zuyderland Medisch Centrum",
    country: "NL",
    sector: "hospital",
    sizeBand: "very_large",
    benchmarkConsent: true,
    sites: [
      { name: "Zuyderland Heerlen", city: "Heerlen", departments: ["Longziekten", "Neurologie", "Spoedeisende hulp"] },
      {
        name: "Zuyderland Sittard-Geleen",
        city: "Sittard-Geleen",
        departments: ["Chirurgie", "Kindergeneeskunde", "Medisch maatschappelijk werk"],
      },
    ],
  },
  {
    key: "schakel",
    kind: "care_provider",
    name: "Thuiszorg De Schakel",
    country: "BE",
    sector: "home_care",
    sizeBand: "medium",
    benchmarkConsent: false,
    sites: [{ name: "Regio Gent", city: "Gent", departments: ["Team Gentbrugge", "Team Ledeberg", "Team Wondzorg"] }],
  },
  {
    key: "hofterlinde",
    kind: "care_provider",
    name: "Woonzorgcentrum Hof ter Linde",
    country: "BE",
    sector: "elderly_care",
    sizeBand: "small",
    benchmarkConsent: false,
    sites: [
      { name: "Hof ter Linde", city: "Mechelen", departments: ["Afdeling Linde", "Afdeling Eik", "Dagverzorging"] },
    ],
  },
  {
    key: "kempenland",
    kind: "care_provider",
    name: "Psychiatrisch Centrum Kempenland",
    country: "BE",
    sector: "mental_health",
    sizeBand: "medium",
    benchmarkConsent: true,
    sites: [
      { name: "Campus Geel", city: "Geel", departments: ["Opname volwassenen", "Mobiel team", "Ouderenpsychiatrie"] },
    ],
  },
  {
    key: "maasoever",
    kind: "care_provider",
    name: "Zorggroep Maasoever",
    country: "NL",
    sector: "elderly_care",
    sizeBand: "large",
    benchmarkConsent: true,
    sites: [
      { name: "Locatie Maaszicht", city: "Maastricht", departments: ["Psychogeriatrie", "Revalidatie"] },
      { name: "Locatie De Bron", city: "Venlo", departments: ["Somatiek", "Wijkteam Venlo-Noord"] },
    ],
  },
  {
    key: "parkstad",
    kind: "care_provider",
    name: "Thuiszorg Parkstad",
    country: "NL",
    sector: "home_care",
    sizeBand: "medium",
    benchmarkConsent: false,
    sites: [{ name: "Kantoor Kerkrade", city: "Kerkrade", departments: ["Wijkteam Kerkrade", "Wijkteam Landgraaf"] }],
  },
  {
    key: "dijkzicht",
    kind: "care_provider",
    name: "GGZ Dijkzicht",
    country: "NL",
    sector: "mental_health",
    sizeBand: "large",
    benchmarkConsent: false,
    sites: [{ name: "Locatie Utrecht", city: "Utrecht", departments: ["Ambulant team", "Klinische opname", "Jeugd"] }],
  },
  // Four more Flemish care organisations without demo accounts: they make the benchmark's groups real (ZAS
  // has enough Belgian peers for a median; its hospital peer group stays below the threshold of 5).
  ...(
    [
      ["scheldeland", "AZ Scheldeland", "hospital", "large", true, "Dendermonde", ["Geriatrie", "Chirurgie", "Spoed"]],
      [
        "noorderkempen",
        "Ziekenhuis Noorderkempen",
        "hospital",
        "medium",
        false,
        "Turnhout",
        ["Interne geneeskunde", "Materniteit"],
      ],
      [
        "leiedal",
        "Woonzorggroep Leiedal",
        "elderly_care",
        "medium",
        false,
        "Kortrijk",
        ["Woonzorgcentrum De Linde", "Assistentiewoningen"],
      ],
      [
        "waasland",
        "Thuiszorg Waasland",
        "home_care",
        "small",
        true,
        "Sint-Niklaas",
        ["Team Sint-Niklaas", "Team Temse"],
      ],
    ] as const
  ).map(([key, name, sector, sizeBand, benchmarkConsent, city, departments]): DemoOrganisation => ({
    key,
    kind: "care_provider",
    name,
    country: "BE",
    sector,
    sizeBand,
    benchmarkConsent,
    sites: [{ name: `Campus ${city}`, city, departments: [...departments] }],
  })),
  // Five more organisations without demo accounts (decision 042): the comparison of each country, and the
  // programme indicators, need at least 5 organisations per country, and among them either no or at least 5
  // that did not consent; these make Belgium 4 + 5 and the Netherlands 3 + 5.
  ...(
    [
      [
        "dijlevallei",
        "Woonzorgnetwerk Dijlevallei",
        "BE",
        "elderly_care",
        "large",
        false,
        "Leuven",
        ["Woonzorgcentrum Ter Dijle", "Kortverblijf"],
      ],
      [
        "eemland",
        "Zorggroep Eemland",
        "NL",
        "elderly_care",
        "medium",
        false,
        "Amersfoort",
        ["Locatie De Eem", "Wijkverpleging"],
      ],
      [
        "rijnstreek",
        "Thuiszorg Rijnstreek",
        "NL",
        "home_care",
        "small",
        false,
        "Alphen aan den Rijn",
        ["Wijkteam Alphen", "Wijkteam Bodegraven"],
      ],
      [
        "devenen",
        "Ziekenhuis De Venen",
        "NL",
        "hospital",
        "large",
        false,
        "Hilversum",
        ["Interne geneeskunde", "Spoedeisende hulp"],
      ],
      [
        "zorgbrug",
        "Stichting Zorgbrug Twente",
        "NL",
        "disability_care",
        "medium",
        true,
        "Enschede",
        ["Wonen Noord", "Dagbesteding"],
      ],
    ] as const
  ).map(([key, name, country, sector, sizeBand, benchmarkConsent, city, departments]): DemoOrganisation => ({
    key,
    kind: "care_provider",
    name,
    country,
    sector,
    sizeBand,
    benchmarkConsent,
    sites: [{ name: `Locatie ${city}`, city, departments: [...departments] }],
  })),
  ...(
    [
      ["thomasmore", "Thomas More", "BE"],
      ["ap", "AP Hogeschool", "BE"],
      ["hogent", "HOGENT", "BE"],
      ["hu", "Hogeschool Utrecht", "NL"],
      ["zuyd", "Zuyd Hogeschool", "NL"],
    ] as const
  ).map(([key, name, country]): DemoOrganisation => ({
    key,
    kind: "partner",
    name,
    country,
    sector: "education",
    sizeBand: "large",
    benchmarkConsent: true,
    sites: [],
  })),
];

/** One account per role first (printed at start), then colleagues who make the pages feel real. */
export const DEMO_USERS: DemoUser[] = [
  { email: "admin@portal.example", name: "Lotte Verbeeck", role: "admin", organisationKey: null },
  { email: "onderzoek@thomasmore.example", name: "Pieter Claes", role: "partner", organisationKey: "thomasmore" },
  { email: "hr@zas.example", name: "Sofie Janssens", role: "hr", organisationKey: "zas" },
  {
    email: "verpleegkundige@zas.example",
    name: "Jonas De Smet",
    role: "employee",
    organisationKey: "zas",
    department: "Geriatrie",
  },
  {
    email: "nieuwkomer@zas.example",
    name: "Amal Haddad",
    role: "newcomer",
    organisationKey: "zas",
    department: "Geriatrie",
    locale: "en",
  },
  { email: "hr@zuyderland.example", name: "Marloes Hendriks", role: "hr", organisationKey: "zuyderland" },
  { email: "diversiteit@zas.example", name: "Karim Bouzid", role: "hr", organisationKey: "zas" },
  {
    email: "an.wouters@zas.example",
    name: "An Wouters",
    role: "employee",
    organisationKey: "zas",
    department: "Cardiologie",
  },
  {
    email: "tom.peeters@zas.example",
    name: "Tom Peeters",
    role: "employee",
    organisationKey: "zas",
    department: "Spoedgevallen",
  },
  {
    email: "lieve.maes@zas.example",
    name: "Lieve Maes",
    role: "employee",
    organisationKey: "zas",
    department: "Geriatrie",
  },
  {
    email: "bram.jacobs@zas.example",
    name: "Bram Jacobs",
    role: "employee",
    organisationKey: "zas",
    department: "Sociale dienst",
  },
  {
    email: "eva.vandamme@zas.example",
    name: "Eva Van Damme",
    role: "employee",
    organisationKey: "zas",
    department: "Intensieve zorg",
  },
  {
    email: "daan.smeets@zuyderland.example",
    name: "Daan Smeets",
    role: "employee",
    organisationKey: "zuyderland",
    department: "Neurologie",
  },
  {
    email: "iris.janssen@zuyderland.example",
    name: "Iris Janssen",
    role: "employee",
    organisationKey: "zuyderland",
    department: "Longziekten",
  },
  { email: "hr@schakel.example", name: "Hanne Willems", role: "hr", organisationKey: "schakel" },
  { email: "hr@hofterlinde.example", name: "Griet Mertens", role: "hr", organisationKey: "hofterlinde" },
  { email: "hr@kempenland.example", name: "Wouter Goossens", role: "hr", organisationKey: "kempenland" },
  { email: "hr@maasoever.example", name: "Sanne Vermeulen", role: "hr", organisationKey: "maasoever" },
  { email: "hr@parkstad.example", name: "Ruud Kuipers", role: "hr", organisationKey: "parkstad" },
  { email: "hr@dijkzicht.example", name: "Fleur de Graaf", role: "hr", organisationKey: "dijkzicht" },
  { email: "onderzoek@hu.example", name: "Noor Bakker", role: "partner", organisationKey: "hu" },
  { email: "onderzoek@zuyd.example", name: "Tim Coenen", role: "partner", organisationKey: "zuyd" },
];

/** The accounts printed at start: one per role. */
export const DEMO_LOGINS = DEMO_USERS.slice(0, 5);
