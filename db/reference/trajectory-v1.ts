// Version 1 of the route catalogue (docs/decisions/110): the steps a highly educated newcomer takes from the
// first day to a job at their qualification level, per country, in plain Dutch (≈ B1) and English. A
// trajectory is always recorded against one version; once a version is in use, its keys and order never
// change (add a version instead). `order` is the order of the route: a step of a higher order is never dated
// before a step of a lower one. `recognises` names the professions for which reaching the step means the
// qualification is recognised (the "months to recognition" indicator stops there).

export type RouteCountry = "BE" | "NL";

export type RouteStepData = {
  key: string;
  order: number;
  countries: readonly RouteCountry[];
  /** Empty: for every profession. */
  professions: readonly string[];
  recognises: readonly string[];
  titleNl: string;
  titleEn: string;
  helpNl: string;
  helpEn: string;
};

export type RouteCatalogueData = { version: number; steps: readonly RouteStepData[] };

const BOTH: readonly RouteCountry[] = ["BE", "NL"];

export const ROUTE_CATALOGUE_V1: RouteCatalogueData = {
  version: 1,
  steps: [
    {
      key: "intake",
      order: 10,
      countries: BOTH,
      professions: [],
      recognises: [],
      titleNl: "Intakegesprek en trajectplan",
      titleEn: "Intake interview and route plan",
      helpNl:
        "HR en de nieuwkomer maken samen een plan: welk diploma, welke erkenning, welke opleiding en welk taalniveau nodig zijn.",
      helpEn:
        "HR and the newcomer make a plan together: which diploma, which recognition, which training and which language level are needed.",
    },
    {
      key: "be_naric_application",
      order: 20,
      countries: ["BE"],
      professions: [],
      recognises: [],
      titleNl: "Aanvraag gelijkwaardigheid diploma ingediend (NARIC-Vlaanderen)",
      titleEn: "Diploma equivalence requested (NARIC-Vlaanderen)",
      helpNl:
        "Het buitenlandse diploma wordt voorgelegd aan NARIC-Vlaanderen. De organisatie kan helpen met vertalingen en kosten.",
      helpEn:
        "The foreign diploma is submitted to NARIC-Vlaanderen. The organisation can help with translations and fees.",
    },
    {
      key: "be_naric_equivalence",
      order: 30,
      countries: ["BE"],
      professions: [],
      recognises: [
        "social_worker",
        "psychologist",
        "occupational_therapist",
        "lab_technician",
        "radiographer",
        "other",
      ],
      titleNl: "Diploma gelijkwaardig verklaard (NARIC-Vlaanderen)",
      titleEn: "Diploma declared equivalent (NARIC-Vlaanderen)",
      helpNl:
        "NARIC-Vlaanderen beslist dat het diploma gelijkwaardig is, eventueel na een proef of aanvullende vakken.",
      helpEn: "NARIC-Vlaanderen decides the diploma is equivalent, possibly after a test or additional courses.",
    },
    {
      key: "be_bridging",
      order: 40,
      countries: ["BE"],
      professions: [],
      recognises: [],
      titleNl: "Brug- of aanvullende opleiding gestart (bv. duaal leren in de zorg)",
      titleEn: "Bridging or top-up training started (e.g. dual learning in care)",
      helpNl: "Een opleiding die ontbreekt voor de erkenning, vaak deels op de werkvloer en deels op school.",
      helpEn: "Training that is still needed for recognition, often partly on the ward and partly at school.",
    },
    {
      key: "be_bridging_done",
      order: 50,
      countries: ["BE"],
      professions: [],
      recognises: [],
      titleNl: "Brug- of aanvullende opleiding afgerond",
      titleEn: "Bridging or top-up training completed",
      helpNl: "De opleiding is geslaagd; het bewijs gaat naar NARIC of naar de overheid die het visum geeft.",
      helpEn: "The training is passed; the proof goes to NARIC or to the authority that grants the visa.",
    },
    {
      key: "be_visum",
      order: 60,
      countries: ["BE"],
      professions: ["nurse", "midwife", "doctor", "physiotherapist", "pharmacist", "care_assistant"],
      recognises: ["nurse", "midwife", "doctor", "physiotherapist", "pharmacist", "care_assistant"],
      titleNl: "Visum en registratie om het beroep uit te oefenen (FOD Volksgezondheid)",
      titleEn: "Visa and registration to practise the profession (FPS Public Health)",
      helpNl: "Met het visum mag een verpleegkundige in België als verpleegkundige werken.",
      helpEn: "With the visa a nurse may work as a nurse in Belgium.",
    },
    {
      key: "nl_cibg_application",
      order: 20,
      countries: ["NL"],
      professions: ["nurse", "midwife", "doctor", "physiotherapist", "pharmacist"],
      recognises: [],
      titleNl: "Aanvraag erkenning ingediend bij het CIBG",
      titleEn: "Recognition requested from the CIBG",
      helpNl: "Het CIBG beoordeelt buitenlandse zorgdiploma's voor BIG-beroepen.",
      helpEn: "The CIBG assesses foreign healthcare diplomas for BIG professions.",
    },
    {
      key: "nl_idw_evaluation",
      order: 30,
      countries: ["NL"],
      professions: [],
      recognises: [
        "social_worker",
        "psychologist",
        "occupational_therapist",
        "lab_technician",
        "radiographer",
        "other",
      ],
      titleNl: "Diplomawaardering ontvangen (IDW/Nuffic)",
      titleEn: "Diploma evaluation received (IDW/Nuffic)",
      helpNl:
        "De diplomawaardering zegt met welk Nederlands diploma het buitenlandse diploma vergelijkbaar is, bijvoorbeeld voor sociaal werk.",
      helpEn:
        "The diploma evaluation says which Dutch diploma the foreign one compares with, for example for social work.",
    },
    {
      key: "nl_cibg_statement",
      order: 40,
      countries: ["NL"],
      professions: ["nurse", "midwife", "doctor", "physiotherapist", "pharmacist"],
      recognises: [],
      titleNl: "Verklaring van vakbekwaamheid van het CIBG (na toetsen of aanpassingsperiode)",
      titleEn: "Statement of professional competence from the CIBG (after tests or an adaptation period)",
      helpNl:
        "Na de toetsen of de aanpassingsperiode geeft het CIBG een verklaring. Daarmee kan de BIG-registratie worden aangevraagd.",
      helpEn:
        "After the tests or the adaptation period the CIBG issues a statement. With it, BIG registration can be requested.",
    },
    {
      key: "nl_evc",
      order: 45,
      countries: ["NL"],
      professions: [],
      recognises: [],
      titleNl: "EVC-traject of voorbereidend jaar afgerond",
      titleEn: "Recognition of prior learning (EVC) or preparatory year completed",
      helpNl: "Wat iemand al kan, wordt erkend; wat ontbreekt, wordt bijgeleerd.",
      helpEn: "What someone can already do is recognised; what is missing is learned.",
    },
    {
      key: "nl_big",
      order: 50,
      countries: ["NL"],
      professions: ["nurse", "midwife", "doctor", "physiotherapist", "pharmacist"],
      recognises: ["nurse", "midwife", "doctor", "physiotherapist", "pharmacist"],
      titleNl: "Ingeschreven in het BIG-register",
      titleEn: "Registered in the BIG register",
      helpNl: "Met de BIG-registratie mag een verpleegkundige in Nederland als verpleegkundige werken.",
      helpEn: "With BIG registration a nurse may work as a nurse in the Netherlands.",
    },
  ],
};

export const ROUTE_CATALOGUES: readonly RouteCatalogueData[] = [ROUTE_CATALOGUE_V1];
export const CURRENT_ROUTE_CATALOGUE = ROUTE_CATALOGUE_V1;

export function routeCatalogue(version: number): RouteCatalogueData | undefined {
  return ROUTE_CATALOGUES.find((c) => c.version === version);
}
