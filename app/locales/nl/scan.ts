// Dutch messages of the scan capability (source catalogue; the English one must have the same keys).
export const scan = {};
