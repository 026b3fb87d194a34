/** The shape another language must fill in for a Dutch (source) catalogue: same keys, any strings. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
