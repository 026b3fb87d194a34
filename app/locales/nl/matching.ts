// Dutch messages of the matching capability (source catalogue; the English one must have the same keys).
export const matching = {};
