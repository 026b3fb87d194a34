// Dutch messages of the second factor (source catalogue; the English one must have the same keys).
export const secondFactor = {
  title: "Tweestapsverificatie",
  intro:
    "Met een tweede stap bij het aanmelden is een gestolen wachtwoord alleen niet genoeg: je bevestigt ook met een code uit een app op je telefoon.",
  statusOn: "Ingeschakeld. {count, plural, one {Nog # herstelcode over.} other {Nog # herstelcodes over.}}",
  statusOff: "Niet ingeschakeld.",
  statusPending: "Je bent bezig met instellen: scan de code en bevestig met een code uit de app.",
  required: "Voor jouw rol is tweestapsverificatie verplicht.",
  demoOffer:
    "In de demo is het niet verplicht, zodat de demo-accounts blijven werken zoals ze afgedrukt staan. Buiten de demo stel je het in bij je eerste aanmelding.",
  manage: "Tweestapsverificatie beheren",
  start: "Tweestapsverificatie instellen",
  restart: "Opnieuw beginnen met een nieuwe sleutel",
  enrolTitle: "Tweestapsverificatie instellen",
  enrolRequiredIntro:
    "Voor jouw rol is een tweede stap bij het aanmelden verplicht. Stel die nu in: het duurt een minuut.",
  step1:
    "Installeer een authenticator-app op je telefoon, bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP.",
  step2: "Scan de QR-code met de app, of typ de sleutel hieronder over.",
  step3: "Vul de code van 6 cijfers in die de app nu toont.",
  qrAlt: "QR-code die de sleutel voor tweestapsverificatie in je authenticator-app zet",
  secretLabel: "Sleutel om over te typen",
  openInApp: "Op deze telefoon openen in de authenticator-app",
  codeLabel: "Code",
  codeHint: "De 6 cijfers uit de app, of een van je herstelcodes.",
  totpHint: "De 6 cijfers die de app nu toont.",
  confirm: "Inschakelen",
  challengeTitle: "Bevestig dat jij het bent",
  challengeIntro:
    "Open de authenticator-app op je telefoon en vul de code van 6 cijfers in. Telefoon niet bij de hand? Gebruik een van je herstelcodes.",
  verify: "Bevestigen",
  cancel: "Annuleren en terug naar aanmelden",
  recoveryTitle: "Je herstelcodes",
  recoveryIntro:
    "Bewaar deze tien codes op een veilige plek, geprint of in een wachtwoordmanager. Elke code werkt één keer, als je je telefoon niet bij de hand hebt. We tonen ze niet opnieuw.",
  recoveryLow:
    "Je hebt nog maar weinig herstelcodes. Schakel tweestapsverificatie uit en weer in voor tien nieuwe, of vraag de beheerder.",
  continue: "Verder naar het portaal",
  enabled: "Tweestapsverificatie is ingeschakeld. Je andere sessies zijn afgemeld.",
  disableTitle: "Uitschakelen",
  disableIntro: "Vul je wachtwoord en een code uit de app (of een herstelcode) in.",
  disable: "Tweestapsverificatie uitschakelen",
  disabled: "Tweestapsverificatie is uitgeschakeld.",
  codeInvalid: "Vul de 6 cijfers uit de app in, of een herstelcode van 10 tekens.",
  codeWrong: "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in de app en probeer opnieuw.",
  challengeExpired: "Je aanmelding is verlopen of al afgerond. Meld je opnieuw aan.",
  notPending: "Er is geen instelling bezig. Begin opnieuw.",
  alreadyOn: "Tweestapsverificatie is al ingeschakeld.",
  notOn: "Tweestapsverificatie is niet ingeschakeld.",
  requiredCannotDisable:
    "Voor jouw rol is tweestapsverificatie verplicht, dus je kunt ze niet uitschakelen. Nieuwe telefoon? Vraag de beheerder om ze te resetten.",
  adminColumn: "Tweestaps",
  adminOn: "aan",
  adminReset: "Tweestapsverificatie resetten",
  adminResetDone:
    "De tweestapsverificatie is gereset. De gebruiker is afgemeld en stelt ze, waar verplicht, opnieuw in bij de volgende aanmelding.",
  requireForHr: "HR meldt zich aan met tweestapsverificatie",
  requireForHrHelp:
    "Voor beheerders en projectpartners is het altijd verplicht; voor andere medewerkers blijft het een keuze.",
};
