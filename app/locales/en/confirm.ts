// English messages of the confirmation step.
import type { Catalogue } from "../catalogue";
import type { confirm as source } from "../nl/confirm";

export const confirm: Catalogue<typeof source> = {
  cancel: "Cancel",
  required: "Please confirm first: this action cannot be undone.",
  irreversible: "This cannot be undone.",
  submitScan: {
    title: "Submit the {period} scan?",
    body: "Once submitted, {organisation}'s answers for {period} are locked: no one can change them any more. The results and the report are then worked out.",
    progress: "Answered: {answered} of {total} statements.",
    yes: "Yes, submit the scan",
  },
  eraseNewcomer: {
    title: "Erase {name}'s personal data?",
    yes: "Yes, erase the personal data",
  },
  deactivate: {
    title: "Deactivate {name}?",
    body: "{name} ({email}) will no longer be able to sign in. Their data is kept and you can reactivate {name} later.",
    yes: "Yes, deactivate {name}",
    open: "Deactivate",
  },
  sendRun: {
    title: "Send {count} proposals?",
    titleOne: "Send 1 proposal?",
    body: "Each buddy below gets an e-mail with the proposal and sees it in the portal. They have {days} days to accept or decline it.",
    pair: "{buddy} is asked to become {newcomer}'s buddy",
    kept: "{count} proposal(s) already sent keep running and are not e-mailed again.",
    unmatched: "{count} newcomer(s) get no buddy in this round.",
    none: "This round sends no new proposals.",
    yes: "Yes, send the proposals",
  },
  // Erasing a person's account (decision 169)
  erasePerson: {
    title: "Erase {name}'s data for good?",
    who: "This erases the data of {name} ({email}).",
    yes: "Yes, erase {name} for good",
  },
};
