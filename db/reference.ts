// Reference data every database needs in every mode (instrument versions, module catalogue): loaded after
// the migrations at each start, idempotently, so a new version or module lands without touching old rows.
import type { PortalDb } from "./client";
import { loadInstruments } from "./reference/instrument";
import { loadModuleCatalogue } from "./reference/modules";

export function loadReferenceData(db: PortalDb): void {
  loadInstruments(db);
  loadModuleCatalogue(db);
}
