/** The id of a relationship value, whether it arrives as an id or as a populated document. */
export const idOf = (value: unknown): number | string | undefined =>
  value && typeof value === 'object' ? (value as { id?: number | string }).id : (value as number | string | undefined)
