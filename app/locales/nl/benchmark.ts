// Dutch messages of the benchmark capability (source catalogue; the English one must have the same keys).
export const benchmark = {};
