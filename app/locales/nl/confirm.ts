// The confirmation step before an irreversible action (app/components/ui/confirm-action.tsx, decision 150).
export const confirm = {
  cancel: "Annuleren",
  required: "Bevestig eerst: deze actie kan niet ongedaan gemaakt worden.",
  irreversible: "Dit kan niet ongedaan gemaakt worden.",
  submitScan: {
    title: "Scan {period} indienen?",
    body: "Na het indienen zijn de antwoorden van {organisation} voor {period} vergrendeld: niemand kan ze nog wijzigen. De resultaten en het rapport worden dan berekend.",
    progress: "Beantwoord: {answered} van {total} uitspraken.",
    yes: "Ja, scan indienen",
  },
  eraseNewcomer: {
    title: "Persoonsgegevens van {name} wissen?",
    yes: "Ja, wis de persoonsgegevens",
  },
  deactivate: {
    title: "{name} deactiveren?",
    body: "{name} ({email}) kan zich daarna niet meer aanmelden. De gegevens blijven bewaard en je kunt {name} later opnieuw activeren.",
    yes: "Ja, deactiveer {name}",
    open: "Deactiveren",
  },
  sendRun: {
    title: "{count} voorstellen versturen?",
    titleOne: "1 voorstel versturen?",
    body: "Elke buddy hieronder krijgt een e-mail met het voorstel en ziet het in het portaal. Ze hebben {days} dagen om het te aanvaarden of af te wijzen.",
    pair: "{buddy} krijgt het voorstel om buddy te worden van {newcomer}",
    kept: "{count} voorstel(len) die al verstuurd zijn, blijven lopen en worden niet opnieuw gemaild.",
    unmatched: "{count} nieuwkomer(s) krijgen in deze ronde geen buddy.",
    none: "Deze ronde verstuurt geen nieuwe voorstellen.",
    yes: "Ja, verstuur de voorstellen",
  },
  // Erasing a person's account (decision 169)
  erasePerson: {
    title: "Gegevens van {name} definitief wissen?",
    who: "Dit wist de gegevens van {name} ({email}).",
    yes: "Ja, wis {name} definitief",
  },
};
