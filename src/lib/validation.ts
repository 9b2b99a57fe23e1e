import countries from 'i18n-iso-countries'

/**
 * Field validators shared by every collection. Each returns `true` or a message that names the
 * field, because Payload shows the message next to the field and REST/GraphQL return it as is.
 */
export type Check = (value: unknown, label: string) => true | string

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'))
const EARLIEST_YEAR = 1800
const latestYear = () => new Date().getUTCFullYear() + 30

const isBlank = (value: unknown) => value === undefined || value === null || value === ''

export const slug: Check = (value, label) =>
  isBlank(value) || (typeof value === 'string' && value.length <= 120 && SLUG_PATTERN.test(value))
    ? true
    : `${label} must be lowercase letters, digits and single hyphens (e.g. "bus-rapid-transit"), at most 120 characters`

export const year: Check = (value, label) =>
  isBlank(value) || (Number.isInteger(value) && (value as number) >= EARLIEST_YEAR && (value as number) <= latestYear())
    ? true
    : `${label} must be a whole year between ${EARLIEST_YEAR} and ${latestYear()}`

export const countryCode: Check = (value, label) =>
  isBlank(value) || (typeof value === 'string' && /^[A-Z]{2}$/.test(value) && countries.isValid(value))
    ? true
    : `${label} must be an ISO 3166-1 alpha-2 country code such as "DE" or "BR" (got "${String(value)}")`

export const currencyCode: Check = (value, label) =>
  isBlank(value) || (typeof value === 'string' && CURRENCIES.has(value))
    ? true
    : `${label} must be an ISO 4217 currency code such as "EUR" or "USD" (got "${String(value)}")`

export const httpUrl: Check = (value, label) => {
  if (isBlank(value)) return true
  try {
    const url = new URL(String(value))
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return true
  } catch {
    // fall through to the message
  }
  return `${label} must be a full http(s) URL such as https://example.org/page`
}

export const percentage: Check = (value, label) =>
  isBlank(value) || (typeof value === 'number' && value >= 0 && value <= 100) ? true : `${label} must be a percentage between 0 and 100`

export const nonNegative: Check = (value, label) =>
  isBlank(value) || (typeof value === 'number' && Number.isFinite(value) && value >= 0) ? true : `${label} must be a number of 0 or more`

export const latitude: Check = (value, label) =>
  isBlank(value) || (typeof value === 'number' && value >= -90 && value <= 90) ? true : `${label} must be between -90 and 90 (got ${String(value)})`

export const longitude: Check = (value, label) =>
  isBlank(value) || (typeof value === 'number' && value >= -180 && value <= 180) ? true : `${label} must be between -180 and 180 (got ${String(value)})`

export const maxLength =
  (max: number): Check =>
  (value, label) =>
    isBlank(value) || (typeof value === 'string' && value.length <= max) ? true : `${label} must be at most ${max} characters`

/** Turns a check into a Payload field validator that also runs Payload's own checks (required, type). */
export function validator(check: Check, label: string) {
  return (value: unknown) => check(value, label)
}
