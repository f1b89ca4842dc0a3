/** Days an approved Art. 42 extension adds when the matter does not say (行政许可法 Art. 42: +10). */
export const DEFAULT_EXTENSION_WORKING_DAYS = 10;
