// Dutch messages of the import of sites, departments and people (source catalogue).
export const importing = {
  nav: "Importeren",
  action: "Importeren uit een bestand",
  title: "Mensen en afdelingen importeren",
  intro:
    "Laad een Excel- of CSV-bestand met je locaties, afdelingen en medewerkers. Je ziet eerst wat er verandert; pas als je bevestigt, wordt er iets opgeslagen. Nieuwe mensen krijgen een uitnodiging per e-mail.",
  adminTitle: "Importeren voor {organisation}",
  template: {
    title: "1. Begin met het sjabloon",
    intro:
      "Eén rij per persoon. Verplicht: naam en e-mailadres. Rol is medewerker of hr (leeg: medewerker). Locatie en afdeling worden aangemaakt als ze nog niet bestaan. Taal is nl of en (leeg: Nederlands). Kolomnamen mogen in het Nederlands of het Engels.",
    xlsxNl: "Sjabloon Excel (Nederlands)",
    csvNl: "Sjabloon CSV (Nederlands)",
    xlsxEn: "Sjabloon Excel (Engels)",
    csvEn: "Sjabloon CSV (Engels)",
  },
  upload: {
    title: "2. Bestand laden",
    label: "Bestand (.xlsx of .csv, hoogstens 5 MB en 20.000 rijen)",
    hint: "CSV mag met puntkomma's of komma's, in UTF-8 of zoals Excel het in België en Nederland bewaart.",
    submit: "Bestand controleren",
  },
  file: {
    choose: "Kies een bestand om te laden.",
    notSpreadsheet:
      "Dit is geen Excel- of CSV-bestand. Bewaar de lijst in Excel als .xlsx of als CSV en probeer opnieuw. Er is niets gewijzigd.",
    oldExcel:
      "Dit is een oud Excel-bestand (.xls). Bewaar het in Excel als .xlsx (Excel-werkmap) en probeer opnieuw. Er is niets gewijzigd.",
    mixedEncoding:
      "In dit bestand staan tekens in twee verschillende coderingen door elkaar, waardoor namen met accenten verkeerd zouden overkomen. Bewaar het opnieuw als ‘CSV UTF-8’ of als .xlsx. Er is niets gewijzigd.",
    empty: "Het bestand bevat geen rijen met mensen. Er is niets gewijzigd.",
    tooManyRows: "Het bestand heeft meer dan {max} rijen. Splits het in kleinere bestanden. Er is niets gewijzigd.",
    tooLarge: "Het bestand is groter dan 5 MB. Er is niets gewijzigd.",
    brokenQuotes:
      "Er staat ergens een aanhalingsteken dat niet gesloten wordt, waardoor de rest van het bestand in één cel zou belanden. Controleer het bestand en probeer opnieuw. Er is niets gewijzigd.",
    missingColumns:
      "De eerste rij moet de kolomnamen bevatten, met minstens ‘Naam’ en ‘E-mail’ (of ‘Name’ en ‘E-mail’). Gebruik het sjabloon. Er is niets gewijzigd.",
    duplicateColumn:
      "Een kolom staat twee keer in de eerste rij. Laat er één over en probeer opnieuw. Er is niets gewijzigd.",
  },
  problems: {
    missingName: "De naam ontbreekt.",
    nameTooLong: "De naam is langer dan 120 tekens.",
    missingEmail: "Het e-mailadres ontbreekt.",
    invalidEmail: "Dit is geen geldig e-mailadres.",
    duplicateEmail: "Dit e-mailadres staat ook op rij {line}. Houd één rij per persoon.",
    invalidRole: "Onbekende rol. Gebruik ‘medewerker’ of ‘hr’.",
    invalidLanguage: "Onbekende taal. Gebruik ‘nl’ of ‘en’.",
    formula: "Een cel bevat een formule. Vul gewone tekst in; formules worden niet uitgevoerd.",
    tooLong: "Een cel is langer dan 200 tekens.",
    otherOrganisation:
      "Dit e-mailadres hoort bij een account van een andere organisatie. Gebruik het werkadres bij jullie organisatie.",
    newcomerAccount: "Dit e-mailadres hoort bij een nieuwkomer. Beheer die op de pagina Nieuwkomers.",
    ownRole: "Je kunt je eigen rol niet wijzigen.",
    unknownDepartment: "Deze afdeling bestaat niet. Vul ook de locatie in, dan wordt ze aangemaakt.",
    ambiguousDepartment: "Deze afdeling bestaat op meer dan één locatie. Vul de locatie in.",
  },
  preview: {
    title: "3. Controleer wat er gebeurt",
    file: "Bestand ‘{name}’ met {count, plural, one {# rij} other {# rijen}}.",
    ignored: "Deze kolommen worden niet gebruikt: {columns}.",
    nothingYet: "Er is nog niets opgeslagen.",
    countCreates: "Nieuw (krijgt een uitnodiging)",
    countChanges: "Gewijzigd",
    countUnchanged: "Blijft zoals het is",
    countProblems: "Rijen met een probleem (worden overgeslagen)",
    countDeactivations: "Niet meer in het bestand",
    countPlaces: "Nieuwe locaties en afdelingen",
    problemsTitle: "Rijen met een probleem",
    problemsIntro:
      "Deze rijen worden niet geïmporteerd. Verbeter ze in je bestand en laad het opnieuw, of importeer nu de rest.",
    line: "Rij",
    name: "Naam",
    email: "E-mail",
    problem: "Probleem",
    createsTitle: "Nieuwe mensen",
    changesTitle: "Wijzigingen",
    change: "Wijziging",
    placesTitle: "Nieuwe locaties en afdelingen",
    newSite: "Locatie {name}",
    newDepartment: "Afdeling {name} ({site})",
    role: "Rol",
    department: "Afdeling",
    language: "Taal",
    more: "… en nog {count}.",
    noDepartment: "geen",
    fields: {
      name: "naam",
      role: "rol",
      department: "afdeling",
      language: "taal",
      status: "account",
    },
    statusDeactivated: "gedeactiveerd",
    statusActive: "weer actief",
    deactivationsTitle: "Niet meer in het bestand",
    deactivationsIntro:
      "Deze mensen hebben een actief account maar staan niet in het bestand. Vink aan wie je wilt deactiveren; wie je niet aanvinkt, blijft actief.",
    deactivateAll: "Iedereen in deze lijst deactiveren",
    deactivate: "{name} deactiveren",
    confirm: "Bevestigen en importeren",
    discard: "Annuleren",
    nothingToDo: "Dit bestand verandert niets: alles staat al zo in het portaal.",
  },
  applied:
    "Import uitgevoerd: {invited} uitgenodigd, {changed} gewijzigd, {deactivated} gedeactiveerd, {skipped} rijen overgeslagen.",
  discarded: "De import is geannuleerd. Er is niets gewijzigd.",
  alreadyDone: "Deze import is al uitgevoerd of geannuleerd.",
  changedSincePreview:
    "Er is intussen iets veranderd in jullie organisatie. Bekijk het bijgewerkte overzicht en bevestig opnieuw. Er is niets gewijzigd.",
  notACandidate:
    "Alleen mensen uit de lijst ‘Niet meer in het bestand’ kunnen gedeactiveerd worden. Er is niets gewijzigd.",
  last: {
    title: "Laatste import",
    summary: "‘{name}’, uitgevoerd op {date}.",
    progress: "{sent} van {total} uitnodigingen verstuurd.",
    failed:
      "{count, plural, one {# uitnodiging kon} other {# uitnodigingen konden}} niet verstuurd worden. De beheerder ziet ze in de uitgaande post.",
    refresh: "Voortgang bijwerken",
    none: "Deze import stuurde geen uitnodigingen.",
  },
  languages: { nl: "Nederlands", en: "Engels" },
};
