/** `T` with its readonly fields writable: for objects built field by field, then handed out as `T`. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
