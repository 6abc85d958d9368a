/** The English messages must have exactly the keys of the Chinese ones (the default). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
