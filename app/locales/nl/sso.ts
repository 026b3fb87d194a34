// Single sign-on per organisation (issue 15).
export const sso = {
  loginSectionTitle: "Met het account van je organisatie",
  loginSectionIntro:
    "Werkt je organisatie met een eigen aanmeldsysteem (bijvoorbeeld Microsoft)? Vul het e-mailadres van je werk in; je meldt je dan aan bij je organisatie, zonder wachtwoord voor het portaal.",
  emailLabel: "E-mail van je werk",
  continue: "Verder met je organisatie",
  pageTitle: "Aanmelden met je organisatie",
  pageIntro:
    "Vul het e-mailadres van je werk in. Aan het domein (het deel na de @) herkennen we je organisatie, en we sturen je door naar haar aanmeldpagina.",
  withPassword: "Aanmelden met wachtwoord",
  redirectingTitle: "Op weg naar je organisatie",
  redirecting: "Je gaat nu naar de aanmeldpagina van {organisation}. Gebeurt er niets? Gebruik dan de knop.",
  redirectingButton: "Ga naar de aanmeldpagina",
  callbackFailedTitle: "Aanmelden met je organisatie lukte niet",
  tryAgain: "Opnieuw proberen",
  passwordRefused:
    "Je organisatie meldt iedereen aan via haar eigen aanmeldsysteem. Een wachtwoord voor het portaal werkt daarom niet: gebruik hieronder ‘Verder met je organisatie’.",
  resetRefused:
    "Je organisatie meldt iedereen aan via haar eigen aanmeldsysteem, dus je hebt geen wachtwoord voor het portaal om te herstellen. Meld je aan via je organisatie; je wachtwoord daar beheert je eigen IT-dienst.",
  signedOutTitle: "Je bent afgemeld bij het portaal",
  signedOut: "We melden je nu ook af bij je organisatie. Gebeurt er niets? Gebruik dan de knop.",
  signedOutButton: "Ook afmelden bij je organisatie",
  homeDepartment: "Afdeling {department}",
  errors: {
    unknownDomain:
      "Geen enkele organisatie in het portaal meldt zich aan met dit e-maildomein. Meld je aan met je wachtwoord, of vraag het na bij je HR-dienst.",
    providerUnavailable:
      "Het aanmeldsysteem van je organisatie is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.",
    stateUnknown: "Deze aanmelding is al gebruikt of werd in een andere browser gestart. Begin opnieuw.",
    stateExpired: "Deze aanmelding duurde te lang. Begin opnieuw.",
    providerRefused:
      "Het aanmeldsysteem van je organisatie liet je niet binnen (geannuleerd of geweigerd). Probeer het opnieuw, of vraag het na bij je IT-dienst.",
    tokenInvalid:
      "Het antwoord van het aanmeldsysteem van je organisatie kon niet gecontroleerd worden, dus je bent niet aangemeld. Probeer het opnieuw; lukt het weer niet, meld het dan aan de beheerder van het portaal.",
    noAddress:
      "Het aanmeldsysteem van je organisatie gaf geen e-mailadres door, dus we weten niet wie je bent in het portaal. Vraag je IT-dienst om het e-mailadres mee te sturen.",
    addressOutsideDomains:
      "Het e-mailadres dat je organisatie doorgaf, hoort niet bij de domeinen van je organisatie in het portaal (of is niet bevestigd). Vraag het na bij de beheerder van het portaal.",
    accountElsewhere:
      "Dit e-mailadres heeft al een account bij een andere organisatie in het portaal, en een account hoort bij één organisatie. Vraag de beheerder van het portaal om hulp.",
    accountInactive: "Je account in het portaal is gedeactiveerd. Vraag het na bij je HR-dienst.",
    alreadyLinked:
      "Dit account is al gekoppeld aan een ander account bij het aanmeldsysteem van je organisatie. Vraag de beheerder van het portaal om hulp.",
    badCallback: "Dit adres is geen volledig antwoord van een aanmeldsysteem. Begin opnieuw vanaf de aanmeldpagina.",
    careProvidersOnly: "Aanmelden via de organisatie kan alleen voor zorgorganisaties.",
    checkFields: "Niet opgeslagen. Controleer de gemarkeerde velden.",
    domainTaken:
      "Niet opgeslagen: het domein {domain} hoort al bij een andere organisatie. Een domein hoort bij één organisatie.",
    notConfigured: "Voor deze organisatie is aanmelden via de organisatie niet ingesteld.",
    // Rate limit on starting a sign-in and on its callback (decision 103).
    tooManyStarts:
      "Er werd vanaf dit adres te vaak geprobeerd om aan te melden via een organisatie. Probeer het over {minutes} minuten opnieuw.",
  },
  validation: {
    issuerUrl:
      "Vul het volledige adres van de issuer in, zoals https://login.microsoftonline.com/<tenant-id>/v2.0 (zonder ? of #).",
    issuerHttps: "De issuer moet https gebruiken.",
    issuerUnreachable: "Deze issuer antwoordt niet. Controleer het adres; er is niets opgeslagen.",
    issuerGarbage:
      "Op dit adres staat geen geldige OpenID Connect-configuratie (of ze noemt een andere issuer). Controleer het adres; er is niets opgeslagen.",
    domainsRequired: "Vul minstens één e-maildomein in.",
    domainInvalid: "Vul domeinen in zoals zas.be, één per regel.",
    tooManyDomains: "Hoogstens 20 domeinen.",
    domainTaken: "Een van deze domeinen hoort al bij een andere organisatie.",
    claimName: "Een claimnaam bestaat uit letters, cijfers en . _ : - en begint met een letter.",
    breakGlassRequired:
      "Kies een noodaccount: als het aanmeldsysteem uitvalt, moet iemand van de organisatie nog met een wachtwoord binnen kunnen.",
    secretUnreadable: "Het opgeslagen clientgeheim kan niet meer gelezen worden. Vul het opnieuw in.",
  },
  admin: {
    link: "Aanmelden via de organisatie (SSO)",
    title: "Aanmelden via de organisatie",
    intro:
      "Medewerkers van {organisation} melden zich aan bij hun eigen aanmeldsysteem (OpenID Connect, bijvoorbeeld Microsoft Entra ID). Wie zich voor het eerst aanmeldt, krijgt meteen een account als medewerker.",
    statusOn: "Ingeschakeld, laatst gewijzigd op {date}.",
    statusOff: "Nog niet ingesteld.",
    registerTitle: "Registreer het portaal bij het aanmeldsysteem",
    redirectUri: "Omleidings-URI (redirect URI)",
    logoutUri: "Adres na afmelden (post-logout redirect URI)",
    issuer: "Issuer",
    issuerHint:
      "Het adres van het aanmeldsysteem; het portaal haalt er bij het opslaan de configuratie op (…/.well-known/openid-configuration).",
    clientId: "Client-id",
    clientSecret: "Clientgeheim",
    clientSecretHint: "Wordt versleuteld bewaard en nooit meer getoond.",
    clientSecretKeep: "Laat leeg om het bewaarde geheim te houden.",
    domains: "E-maildomeinen van de organisatie",
    domainsHint: "Eén per regel, bijvoorbeeld zas.be. Een domein kan maar bij één organisatie horen.",
    requireSso: "Iedereen van de organisatie meldt zich via de organisatie aan",
    requireSsoHint: "Aanmelden en herstellen met een wachtwoord wordt dan geweigerd, behalve voor het noodaccount.",
    breakGlass: "Noodaccount (met wachtwoord)",
    breakGlassHint:
      "Een HR-account van de organisatie dat ook met een wachtwoord binnen kan, voor als het aanmeldsysteem uitvalt.",
    noBreakGlass: "Geen",
    departmentClaim: "Claim met de afdeling",
    departmentClaimHint: "Bijvoorbeeld department. Nieuwe accounts komen in de afdeling met die naam.",
    defaultDepartment: "Afdeling als de claim ontbreekt of onbekend is",
    noDepartment: "Geen afdeling",
    save: "Controleren en opslaan",
    saved: "Opgeslagen. Het aanmeldsysteem antwoordde en de instellingen zijn actief.",
    removeTitle: "Uitschakelen",
    removeIntro:
      "Medewerkers melden zich daarna weer met een wachtwoord aan; wie er geen heeft, vraagt een nieuw aan via ‘Wachtwoord vergeten’.",
    remove: "Aanmelden via de organisatie uitschakelen",
    removed: "Aanmelden via de organisatie is uitgeschakeld.",
  },
  // No portal password in an organisation that requires SSO (decision 104).
  inviteThroughOrganisation:
    "{organisation} meldt iedereen aan via het eigen aanmeldsysteem. Je hebt dus geen wachtwoord voor het portaal nodig: meld je hieronder aan met je organisatie. Bij die eerste aanmelding wordt je uitnodiging aan je account gekoppeld.",
  inviteRefused:
    "Je organisatie meldt iedereen aan via haar eigen aanmeldsysteem, dus je kan voor het portaal geen wachtwoord kiezen. Meld je aan met je organisatie; je uitnodiging wordt dan aan je account gekoppeld.",
  accountNoPassword:
    "Je meldt je aan via je organisatie, dus je hebt geen wachtwoord voor het portaal om te wijzigen. Je wachtwoord daar beheert je eigen IT-dienst.",
};
