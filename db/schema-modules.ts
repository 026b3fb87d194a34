// Sensitisation modules: catalogue, assignments, progress. (Tables of the modules capability.)
export {};
