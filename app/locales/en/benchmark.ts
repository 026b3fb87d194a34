// English messages of the benchmark capability.
import type { Catalogue } from "../catalogue";
import type { benchmark as source } from "../nl/benchmark";

export const benchmark: Catalogue<typeof source> = {};
