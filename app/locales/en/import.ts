import type { Catalogue } from "../catalogue";
import type { importing as nl } from "../nl/import";

export const importing: Catalogue<typeof nl> = {
  nav: "Import",
  action: "Import from a file",
  title: "Import people and departments",
  intro:
    "Upload an Excel or CSV file with your sites, departments and staff. You see what will change first; nothing is saved until you confirm. New people receive an invitation by e-mail.",
  adminTitle: "Import for {organisation}",
  template: {
    title: "1. Start from the template",
    intro:
      "One row per person. Required: name and e-mail address. Role is employee or hr (empty: employee). Sites and departments are created when they do not exist yet. Language is nl or en (empty: Dutch). Column names may be in Dutch or English.",
    xlsxNl: "Excel template (Dutch)",
    csvNl: "CSV template (Dutch)",
    xlsxEn: "Excel template (English)",
    csvEn: "CSV template (English)",
  },
  upload: {
    title: "2. Upload the file",
    label: "File (.xlsx or .csv, at most 5 MB and 20,000 rows)",
    hint: "CSV may use semicolons or commas, in UTF-8 or as Excel saves it in Belgium and the Netherlands.",
    submit: "Check the file",
  },
  file: {
    choose: "Choose a file to upload.",
    notSpreadsheet:
      "This is not an Excel or CSV file. Save the list in Excel as .xlsx or as CSV and try again. Nothing was changed.",
    oldExcel:
      "This is an old Excel file (.xls). Save it in Excel as .xlsx (Excel workbook) and try again. Nothing was changed.",
    mixedEncoding:
      "This file mixes characters in two different encodings, so names with accents would come out wrong. Save it again as ‘CSV UTF-8’ or as .xlsx. Nothing was changed.",
    empty: "The file holds no rows of people. Nothing was changed.",
    tooManyRows: "The file has more than {max} rows. Split it into smaller files. Nothing was changed.",
    tooLarge: "The file is larger than 5 MB. Nothing was changed.",
    brokenQuotes:
      "A quotation mark somewhere is never closed, so the rest of the file would end up in one cell. Check the file and try again. Nothing was changed.",
    missingColumns:
      "The first row must hold the column names, with at least ‘Name’ and ‘E-mail’ (or ‘Naam’ and ‘E-mail’). Use the template. Nothing was changed.",
    duplicateColumn: "A column appears twice in the first row. Keep one and try again. Nothing was changed.",
  },
  problems: {
    missingName: "The name is missing.",
    nameTooLong: "The name is longer than 120 characters.",
    missingEmail: "The e-mail address is missing.",
    invalidEmail: "This is not a valid e-mail address.",
    duplicateEmail: "This e-mail address is also on row {line}. Keep one row per person.",
    invalidRole: "Unknown role. Use ‘employee’ or ‘hr’.",
    invalidLanguage: "Unknown language. Use ‘nl’ or ‘en’.",
    formula: "A cell holds a formula. Enter plain text; formulas are never run.",
    tooLong: "A cell is longer than 200 characters.",
    otherOrganisation:
      "This e-mail address belongs to an account of another organisation. Use the person's work address at your organisation.",
    newcomerAccount: "This e-mail address belongs to a newcomer. Manage them on the Newcomers page.",
    ownRole: "You cannot change your own role.",
    unknownDepartment: "This department does not exist. Add the site as well and it will be created.",
    ambiguousDepartment: "This department exists on more than one site. Add the site.",
  },
  preview: {
    title: "3. Check what will happen",
    file: "File ‘{name}’ with {count, plural, one {# row} other {# rows}}.",
    ignored: "These columns are not used: {columns}.",
    nothingYet: "Nothing has been saved yet.",
    countCreates: "New (receive an invitation)",
    countChanges: "Changed",
    countUnchanged: "Left as they are",
    countProblems: "Rows with a problem (skipped)",
    countDeactivations: "No longer in the file",
    countPlaces: "New sites and departments",
    problemsTitle: "Rows with a problem",
    problemsIntro:
      "These rows are not imported. Correct them in your file and upload it again, or import the rest now.",
    line: "Row",
    name: "Name",
    email: "E-mail",
    problem: "Problem",
    createsTitle: "New people",
    changesTitle: "Changes",
    change: "Change",
    placesTitle: "New sites and departments",
    newSite: "Site {name}",
    newDepartment: "Department {name} ({site})",
    role: "Role",
    department: "Department",
    language: "Language",
    more: "… and {count} more.",
    noDepartment: "none",
    fields: {
      name: "name",
      role: "role",
      department: "department",
      language: "language",
      status: "account",
    },
    statusDeactivated: "deactivated",
    statusActive: "active again",
    deactivationsTitle: "No longer in the file",
    deactivationsIntro:
      "These people have an active account but are not in the file. Tick whom you want to deactivate; whoever you leave unticked stays active.",
    deactivateAll: "Deactivate everyone in this list",
    deactivate: "Deactivate {name}",
    confirm: "Confirm and import",
    discard: "Cancel",
    nothingToDo: "This file changes nothing: everything is already so in the portal.",
  },
  applied: "Import done: {invited} invited, {changed} changed, {deactivated} deactivated, {skipped} rows skipped.",
  discarded: "The import was cancelled. Nothing was changed.",
  alreadyDone: "This import has already been applied or cancelled.",
  changedSincePreview:
    "Something changed in your organisation in the meantime. Look at the updated overview and confirm again. Nothing was changed.",
  notACandidate: "Only people from the list ‘No longer in the file’ can be deactivated. Nothing was changed.",
  last: {
    title: "Last import",
    summary: "‘{name}’, applied on {date}.",
    progress: "{sent} of {total} invitations sent.",
    failed:
      "{count, plural, one {# invitation} other {# invitations}} could not be sent. The administrator sees them in the outbox.",
    refresh: "Refresh progress",
    none: "This import sent no invitations.",
  },
  languages: { nl: "Dutch", en: "English" },
};
