// Dutch messages of the modules capability (source catalogue; the English one must have the same keys).
export const modules = {};
