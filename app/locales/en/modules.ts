// English messages of the modules capability.
import type { Catalogue } from "../catalogue";
import type { modules as source } from "../nl/modules";

export const modules: Catalogue<typeof source> = {};
