/** "São Paulo: Bus Rapid Transit!" -> "sao-paulo-bus-rapid-transit" */
export function slugify(input: string, maxLength = 100): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '')
}

/** Case- and accent-insensitive key for matching names ("Zürich" = "zurich"). */
export function nameKey(input: string): string {
  return slugify(input, 200).replace(/-/g, ' ')
}
