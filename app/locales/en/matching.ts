// English messages of the matching capability.
import type { Catalogue } from "../catalogue";
import type { matching as source } from "../nl/matching";

export const matching: Catalogue<typeof source> = {};
