// Version 1 of the newcomer-proof scan (PRODUCT.md §1): 8 dimensions × 5 items, Dutch (source) and English.
// Items are written to be answered by an HR lead on the scale 0 not in place … 4 evaluated and improved.
// Once loaded, a version's wording never changes: fix wording in a new version, so old scans stay true.

export type InstrumentItemData = {
  key: string;
  core: boolean;
  textNl: string;
  textEn: string;
  helpNl: string;
  helpEn: string;
};

export type InstrumentDimensionData = {
  key: string;
  number: number;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  moduleKeys: string[];
  items: InstrumentItemData[];
};

export type InstrumentData = { version: number; dimensions: InstrumentDimensionData[] };

export const INSTRUMENT_V1: InstrumentData = {
  version: 1,
  dimensions: [
    {
      key: "leadership",
      number: 1,
      nameNl: "Engagement en leiderschap",
      nameEn: "Commitment and leadership",
      descriptionNl:
        "De directie kiest zichtbaar voor nieuwkomers en maakt daar tijd, geld en verantwoordelijkheid voor vrij.",
      descriptionEn:
        "Top management visibly commits to newcomers and provides the time, budget and accountability for it.",
      moduleKeys: ["inclusive-leadership", "scan-to-action-plan"],
      items: [
        {
          key: "leadership.1",
          core: true,
          textNl:
            "De directie heeft zich formeel en schriftelijk geëngageerd om hoogopgeleide nieuwkomers aan te werven en te laten doorgroeien.",
          textEn:
            "Top management has formally committed in writing to recruiting highly educated newcomers and helping them progress.",
          helpNl:
            "Bijvoorbeeld een beslissing van het directiecomité of de raad van bestuur, een beleidsnota of een ondertekend charter.",
          helpEn: "For example a decision of the executive board, a policy paper or a signed charter.",
        },
        {
          key: "leadership.2",
          core: false,
          textNl:
            "Het HR- of diversiteitsplan bevat concrete doelen voor nieuwkomers met een termijn (bijvoorbeeld aantal aanwervingen per jaar).",
          textEn:
            "The HR or diversity plan contains concrete, time-bound goals for newcomers (for example the number of hires per year).",
          helpNl: "Doelen zijn meetbaar en hebben een datum; algemene intenties tellen niet mee.",
          helpEn: "Goals are measurable and dated; general intentions do not count.",
        },
        {
          key: "leadership.3",
          core: false,
          textNl: "Er is een benoemde trekker voor het nieuwkomersbeleid, met tijd en budget om die rol op te nemen.",
          textEn: "There is a named lead for the newcomer policy, with time and budget to carry out that role.",
          helpNl: "Een naam en een vast aantal uren of een budgetlijn, niet alleen ‘iedereen is verantwoordelijk’.",
          helpEn: "A name and a set number of hours or a budget line, not just ‘everyone is responsible’.",
        },
        {
          key: "leadership.4",
          core: false,
          textNl:
            "Afdelingshoofden zijn verantwoordelijk voor een goede start van nieuwkomers en bespreken dat in hun functioneringsgesprek.",
          textEn:
            "Unit managers are accountable for newcomers' onboarding and discuss it in their own performance review.",
          helpNl: "Het staat in hun functiebeschrijving, doelen of evaluatie.",
          helpEn: "It is part of their job description, objectives or appraisal.",
        },
        {
          key: "leadership.5",
          core: false,
          textNl: "De organisatie legt intern uit waarom ze nieuwkomers aanwerft en wat dat van teams vraagt.",
          textEn: "The organisation explains internally why it recruits newcomers and what this asks of teams.",
          helpNl: "Bijvoorbeeld via intranet, personeelsblad, teamoverleg of een toelichting van de directie.",
          helpEn: "For example through the intranet, staff magazine, team meetings or a talk by management.",
        },
      ],
    },
    {
      key: "recruitment",
      number: 2,
      nameNl: "Inclusieve werving en selectie",
      nameEn: "Inclusive recruitment and selection",
      descriptionNl: "Vacatures, kanalen en selectie geven nieuwkomers een eerlijke kans op basis van competenties.",
      descriptionEn: "Vacancies, channels and selection give newcomers a fair chance based on competences.",
      moduleKeys: ["bias-in-selection", "who-are-our-newcomers"],
      items: [
        {
          key: "recruitment.1",
          core: false,
          textNl:
            "Vacatures zijn in duidelijke taal geschreven en maken onderscheid tussen wat echt nodig is en wat mooi meegenomen is.",
          textEn: "Vacancies are written in clear language and separate what is essential from what is nice to have.",
          helpNl: "Kijk naar de laatste vijf vacatures voor zorgfuncties.",
          helpEn: "Look at the last five vacancies for care roles.",
        },
        {
          key: "recruitment.2",
          core: false,
          textNl:
            "We werven actief via partners die nieuwkomers bereiken: VDAB of UWV, gemeenten of OCMW's, vluchtelingenorganisaties, scholen.",
          textEn:
            "We actively recruit through partners that reach newcomers: VDAB or UWV, municipalities, refugee organisations, schools.",
          helpNl: "Er zijn vaste contactpersonen en vacatures worden er systematisch gedeeld.",
          helpEn: "There are regular contacts and vacancies are shared with them systematically.",
        },
        {
          key: "recruitment.3",
          core: false,
          textNl: "Selectiegesprekken beoordelen vakkennis en competenties, niet hoe vlot iemand Nederlands spreekt.",
          textEn:
            "Selection interviews assess professional knowledge and competences, not how fluently someone speaks Dutch.",
          helpNl:
            "Bijvoorbeeld gestructureerde interviews, praktijkcasussen, selectoren die getraind zijn rond vooroordelen.",
          helpEn: "For example structured interviews, practical cases, selectors trained on bias.",
        },
        {
          key: "recruitment.4",
          core: false,
          textNl: "Er zijn instapfuncties waarin nieuwkomers al kunnen werken terwijl hun diploma-erkenning loopt.",
          textEn:
            "There are entry roles in which newcomers can already work while their diploma recognition is pending.",
          helpNl:
            "Bijvoorbeeld zorgkundige, logistiek medewerker op een verpleegafdeling, leerwerkplek of stage met contract.",
          helpEn:
            "For example healthcare assistant, ward support worker, work-based learning or an internship with a contract.",
        },
        {
          key: "recruitment.5",
          core: false,
          textNl:
            "Per functie is vastgelegd welk taalniveau nodig is bij de start en welk niveau na een afgesproken termijn.",
          textEn:
            "For each role, the required language level at the start and the target level after an agreed period are set out.",
          helpNl:
            "Bijvoorbeeld A2 bij de start en B1 na een jaar, in plaats van ‘vloeiend Nederlands’ voor elke functie.",
          helpEn: "For example A2 at the start and B1 after a year, instead of ‘fluent Dutch’ for every role.",
        },
      ],
    },
    {
      key: "recognition",
      number: 3,
      nameNl: "Erkenning en loopbaan",
      nameEn: "Recognition and career pathways",
      descriptionNl:
        "Nieuwkomers krijgen hulp om hun diploma erkend te krijgen en groeien door naar werk op hun niveau.",
      descriptionEn: "Newcomers get help to have their qualifications recognised and progress to work at their level.",
      moduleKeys: ["recognition-of-qualifications", "care-systems-compared"],
      items: [
        {
          key: "recognition.1",
          core: false,
          textNl:
            "We begeleiden nieuwkomers door de erkenningsprocedure van hun diploma (NARIC en visum in België, CIBG/BIG in Nederland).",
          textEn:
            "We guide newcomers through the recognition procedure for their diploma (NARIC and visa in Belgium, CIBG/BIG in the Netherlands).",
          helpNl: "Iemand kent de stappen, helpt met het dossier en volgt de termijnen op.",
          helpEn: "Someone knows the steps, helps with the file and keeps track of the deadlines.",
        },
        {
          key: "recognition.2",
          core: false,
          textNl:
            "We ondersteunen de erkenning concreet: betaalde tijd, terugbetaling van kosten of voorbereiding op examens.",
          textEn: "We support recognition in practice: paid time, reimbursed fees or exam preparation.",
          helpNl: "Tel alleen regelingen die vastliggen, niet uitzonderingen per persoon.",
          helpEn: "Count only arrangements that are set out, not one-off exceptions.",
        },
        {
          key: "recognition.3",
          core: false,
          textNl: "Werkervaring uit het buitenland telt mee voor inschaling en loon.",
          textEn: "Work experience abroad counts towards grading and pay.",
          helpNl: "Er is een regel of procedure die buitenlandse ervaring waardeert zoals binnenlandse.",
          helpEn: "There is a rule or procedure that values foreign experience like domestic experience.",
        },
        {
          key: "recognition.4",
          core: false,
          textNl:
            "Elke nieuwkomer onder zijn of haar kwalificatieniveau heeft een ontwikkelplan naar een functie op dat niveau.",
          textEn:
            "Every newcomer working below their qualification level has a development plan towards a role at that level.",
          helpNl: "Het plan heeft stappen, een tijdpad en wordt minstens jaarlijks besproken.",
          helpEn: "The plan has steps and a timeline and is discussed at least once a year.",
        },
        {
          key: "recognition.5",
          core: false,
          textNl: "We werken met scholen samen aan EVC/EVK-trajecten en overbruggingsopleidingen.",
          textEn: "We work with schools on recognition of prior learning (EVC/EVK) and bridging programmes.",
          helpNl: "Bijvoorbeeld afspraken met een hogeschool over verkorte trajecten of stageplaatsen.",
          helpEn: "For example agreements with a university of applied sciences on shortened routes or placements.",
        },
      ],
    },
    {
      key: "onboarding",
      number: 4,
      nameNl: "Onboarding en buddywerking",
      nameEn: "Onboarding and buddy system",
      descriptionNl: "Nieuwkomers krijgen een uitgewerkt inwerkplan en een getrainde buddy op de eigen afdeling.",
      descriptionEn: "Newcomers get a worked-out onboarding plan and a trained buddy on their own unit.",
      moduleKeys: ["being-a-buddy", "practical-life-support"],
      items: [
        {
          key: "onboarding.1",
          core: false,
          textNl: "Er is een schriftelijk inwerkplan voor nieuwkomers dat verder gaat dan de gewone introductie.",
          textEn: "There is a written onboarding plan for newcomers that goes beyond the standard induction.",
          helpNl:
            "Bijvoorbeeld extra tijd per procedure, uitleg over het zorgsysteem, woordenlijsten, tussentijdse doelen.",
          helpEn: "For example extra time per procedure, an explanation of the care system, glossaries, interim goals.",
        },
        {
          key: "onboarding.2",
          core: true,
          textNl: "Elke nieuwkomer heeft vóór de eerste werkdag een buddy op de eigen afdeling.",
          textEn: "Every newcomer has a buddy on their own unit before their first working day.",
          helpNl: "De buddy is een collega van dezelfde afdeling, niet iemand van HR.",
          helpEn: "The buddy is a colleague on the same unit, not someone from HR.",
        },
        {
          key: "onboarding.3",
          core: false,
          textNl: "Buddy's zijn opgeleid, krijgen tijd in hun rooster en worden erkend voor hun rol.",
          textEn: "Buddies are trained, get time in their roster and are recognised for their role.",
          helpNl: "Erkenning kan een vermelding in de evaluatie, een attest of een kleine vergoeding zijn.",
          helpEn: "Recognition can be a mention in the appraisal, a certificate or a small allowance.",
        },
        {
          key: "onboarding.4",
          core: false,
          textNl: "Tijdens de eerste zes maanden zijn er geplande opvolgingsgesprekken met de nieuwkomer.",
          textEn: "During the first six months there are planned follow-up conversations with the newcomer.",
          helpNl: "Bijvoorbeeld na week 1, week 6, maand 3 en maand 6, met leidinggevende of buddy.",
          helpEn: "For example after week 1, week 6, month 3 and month 6, with the manager or buddy.",
        },
        {
          key: "onboarding.5",
          core: false,
          textNl: "Nieuwkomer en buddy staan de eerste weken samen ingeroosterd.",
          textEn: "Newcomer and buddy are rostered on the same shifts during the first weeks.",
          helpNl: "Het rooster wordt daar bewust op afgestemd.",
          helpEn: "The roster is deliberately planned for this.",
        },
      ],
    },
    {
      key: "language",
      number: 5,
      nameNl: "Taalbewuste werkplek",
      nameEn: "Language-sensitive workplace",
      descriptionNl:
        "Nederlands leren is een gedeelde opdracht: met opleiding, duidelijke taal en oefenkansen op de werkvloer.",
      descriptionEn:
        "Learning Dutch is a shared task: with training, clear language and chances to practise on the floor.",
      moduleKeys: ["language-sensitive-working", "intercultural-communication"],
      items: [
        {
          key: "language.1",
          core: false,
          textNl:
            "Er is een taalbeleid dat Nederlands leren een gedeelde opdracht van nieuwkomer, team en organisatie maakt.",
          textEn:
            "There is a language policy that makes learning Dutch a shared task of the newcomer, the team and the organisation.",
          helpNl: "Het beleid is geschreven en bekend bij leidinggevenden.",
          helpEn: "The policy is written down and known to managers.",
        },
        {
          key: "language.2",
          core: true,
          textNl: "Nieuwkomers kunnen zorggericht Nederlands volgen tijdens betaalde werkuren.",
          textEn: "Newcomers can take care-oriented Dutch classes during paid working hours.",
          helpNl: "Zorggericht: met de woorden en situaties van de afdeling, niet alleen algemene taalles.",
          helpEn: "Care-oriented: with the words and situations of the unit, not only general language lessons.",
        },
        {
          key: "language.3",
          core: false,
          textNl: "Belangrijke procedures en instructies zijn beschikbaar in duidelijke taal (ongeveer niveau B1).",
          textEn: "Key procedures and instructions are available in clear language (about level B1).",
          helpNl: "Bijvoorbeeld medicatieveiligheid, brandveiligheid, overdracht, arbeidsreglement.",
          helpEn: "For example medication safety, fire safety, handovers, work regulations.",
        },
        {
          key: "language.4",
          core: false,
          textNl:
            "Collega's communiceren taalbewust: ze spreken duidelijk, checken of iets begrepen is en verbeteren respectvol.",
          textEn:
            "Colleagues communicate in a language-sensitive way: they speak clearly, check understanding and correct respectfully.",
          helpNl: "Bijvoorbeeld omdat teams er een vorming over volgden of er afspraken over maakten.",
          helpEn: "For example because teams followed training on it or agreed on it.",
        },
        {
          key: "language.5",
          core: false,
          textNl: "Er zijn taalbuddy's of vaste oefenmomenten op de werkvloer.",
          textEn: "There are language buddies or regular practice moments on the floor.",
          helpNl: "Bijvoorbeeld een collega die wekelijks een overdracht samen voorbereidt.",
          helpEn: "For example a colleague who prepares a handover together every week.",
        },
      ],
    },
    {
      key: "team_culture",
      number: 6,
      nameNl: "Teamklaar en inclusieve cultuur",
      nameEn: "Team readiness and inclusive culture",
      descriptionNl:
        "Teams zijn voorbereid, discriminatie wordt aangepakt en de expertise van nieuwkomers wordt gewaardeerd.",
      descriptionEn: "Teams are prepared, discrimination is dealt with and newcomers' expertise is valued.",
      moduleKeys: ["intercultural-communication", "discrimination-and-speaking-up", "who-are-our-newcomers"],
      items: [
        {
          key: "team_culture.1",
          core: false,
          textNl: "Teams worden voorbereid voordat een nieuwkomer start.",
          textEn: "Teams are briefed before a newcomer starts.",
          helpNl: "Het team weet wie er komt, wat de afspraken zijn en wie de buddy is.",
          helpEn: "The team knows who is coming, what has been agreed and who the buddy is.",
        },
        {
          key: "team_culture.2",
          core: false,
          textNl: "Ontvangende teams hebben een sensibiliseringsmodule gevolgd.",
          textEn: "Receiving teams have followed an awareness module.",
          helpNl: "Bijvoorbeeld over interculturele communicatie of over wie onze nieuwkomers zijn.",
          helpEn: "For example on intercultural communication or on who our newcomers are.",
        },
        {
          key: "team_culture.3",
          core: true,
          textNl: "Er is een gekende procedure om discriminatie te melden, ook door patiënten, cliënten of familie.",
          textEn:
            "There is a known procedure for reporting discrimination, including by patients, clients or families.",
          helpNl: "Medewerkers weten waar ze terechtkunnen en meldingen worden opgevolgd.",
          helpEn: "Staff know where to turn and reports are followed up.",
        },
        {
          key: "team_culture.4",
          core: false,
          textNl: "Leidinggevenden grijpen in bij uitsluiting, grapjes of roddels over nieuwkomers.",
          textEn: "Managers step in when newcomers are excluded, joked about or gossiped about.",
          helpNl: "Denk aan recente voorbeelden: werd er gereageerd, en hoe?",
          helpEn: "Think of recent examples: was there a response, and how?",
        },
        {
          key: "team_culture.5",
          core: false,
          textNl: "De expertise en ervaring van nieuwkomers worden zichtbaar gewaardeerd en benut.",
          textEn: "Newcomers' expertise and experience are visibly valued and put to use.",
          helpNl:
            "Bijvoorbeeld een nieuwkomer die een klinische les geeft of meedenkt over zorg voor anderstalige patiënten.",
          helpEn:
            "For example a newcomer who gives a clinical session or helps improve care for patients who speak other languages.",
        },
      ],
    },
    {
      key: "wellbeing",
      number: 7,
      nameNl: "Praktische steun en welzijn",
      nameEn: "Practical and wellbeing support",
      descriptionNl:
        "Nieuwkomers krijgen hulp met praktische zaken, een haalbaar rooster en toegang tot psychosociale steun.",
      descriptionEn: "Newcomers get help with practical matters, a workable roster and access to psychosocial support.",
      moduleKeys: ["trauma-and-wellbeing", "practical-life-support"],
      items: [
        {
          key: "wellbeing.1",
          core: false,
          textNl:
            "Nieuwkomers hebben één aanspreekpunt voor praktische zaken zoals huisvesting, papieren, bank en vervoer.",
          textEn: "Newcomers have one contact for practical matters such as housing, papers, banking and transport.",
          helpNl: "Een naam die de nieuwkomer kent, niet alleen een algemeen adres.",
          helpEn: "A name the newcomer knows, not only a general address.",
        },
        {
          key: "wellbeing.2",
          core: false,
          textNl: "Roosters houden rekening met kinderopvang, openbaar vervoer en taallessen.",
          textEn: "Rosters take childcare, public transport and language classes into account.",
          helpNl: "Er zijn afspraken met de roosterplanners, niet alleen goede wil.",
          helpEn: "There are agreements with roster planners, not just good will.",
        },
        {
          key: "wellbeing.3",
          core: false,
          textNl: "Nieuwkomers hebben toegang tot (traumasensitieve) psychosociale ondersteuning.",
          textEn: "Newcomers have access to (trauma-sensitive) psychosocial support.",
          helpNl:
            "Bijvoorbeeld via de vertrouwenspersoon, de arbeidsgeneesheer of bedrijfsarts, of een externe dienst.",
          helpEn: "For example through the confidential counsellor, the occupational physician or an external service.",
        },
        {
          key: "wellbeing.4",
          core: false,
          textNl:
            "Nieuwkomers krijgen verlof of flexibiliteit voor afspraken in hun verblijfs- of gezinsherenigingsprocedure.",
          textEn:
            "Newcomers get leave or flexibility for appointments in their residence or family reunification procedure.",
          helpNl: "Zonder dat ze daarvoor vakantiedagen moeten opnemen.",
          helpEn: "Without having to use holiday leave for it.",
        },
        {
          key: "wellbeing.5",
          core: false,
          textNl: "We helpen nieuwkomers om aansluiting te vinden bij lokale netwerken (vereniging, sport, buurt).",
          textEn: "We help newcomers connect with local networks (clubs, sport, neighbourhood).",
          helpNl:
            "Bijvoorbeeld via personeelsvereniging, een welkomstpakket of doorverwijzing naar lokale organisaties.",
          helpEn: "For example through the staff association, a welcome pack or referral to local organisations.",
        },
      ],
    },
    {
      key: "monitoring",
      number: 8,
      nameNl: "Opvolging, partnerschappen en verbetering",
      nameEn: "Monitoring, partnerships and improvement",
      descriptionNl: "De organisatie meet wat werkt, vraagt feedback, werkt samen en verbetert elk jaar.",
      descriptionEn:
        "The organisation measures what works, asks for feedback, works with partners and improves every year.",
      moduleKeys: ["scan-to-action-plan", "inclusive-leadership"],
      items: [
        {
          key: "monitoring.1",
          core: false,
          textNl: "We volgen instroom, behoud en doorgroei van nieuwkomers op, in overeenstemming met de AVG.",
          textEn: "We track the intake, retention and progression of newcomers, in line with the GDPR.",
          helpNl: "Met een minimum aan persoonsgegevens, en cijfers die jaarlijks besproken worden.",
          helpEn: "With minimal personal data, and figures discussed every year.",
        },
        {
          key: "monitoring.2",
          core: false,
          textNl: "We vragen regelmatig feedback aan nieuwkomers en buddy's en doen er iets mee.",
          textEn: "We regularly ask newcomers and buddies for feedback and act on it.",
          helpNl: "Bijvoorbeeld een korte bevraging of een gesprek na zes maanden.",
          helpEn: "For example a short survey or a conversation after six months.",
        },
        {
          key: "monitoring.3",
          core: false,
          textNl: "We hebben structurele partnerschappen met organisaties die nieuwkomers begeleiden.",
          textEn: "We have structural partnerships with organisations that support newcomers.",
          helpNl: "Structureel: met afspraken op papier en een vaste contactpersoon, niet alleen losse contacten.",
          helpEn: "Structural: with written agreements and a regular contact, not just occasional contacts.",
        },
        {
          key: "monitoring.4",
          core: false,
          textNl: "We herhalen deze scan en zetten de resultaten om in een actieplan dat opgevolgd wordt.",
          textEn: "We repeat this scan and turn the results into an action plan that is followed up.",
          helpNl: "Bij een eerste scan: is er al een afspraak om hem te herhalen?",
          helpEn: "For a first scan: is it already agreed to repeat it?",
        },
        {
          key: "monitoring.5",
          core: false,
          textNl: "We wisselen ervaringen uit met andere zorgorganisaties over het werken met nieuwkomers.",
          textEn: "We exchange experience with other care employers about working with newcomers.",
          helpNl: "Bijvoorbeeld in een lerend netwerk, een regionaal overleg of een Interreg-project.",
          helpEn: "For example in a learning network, a regional forum or an Interreg project.",
        },
      ],
    },
  ],
};
