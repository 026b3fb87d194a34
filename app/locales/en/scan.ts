// English messages of the scan capability.
import type { Catalogue } from "../catalogue";
import type { scan as source } from "../nl/scan";

export const scan: Catalogue<typeof source> = {};
