import type { ArrayField, Field, GroupField, NumberField, SelectField, TextField } from 'payload'
import { number, select, text } from 'payload/shared'

import { currencyCode, httpUrl, latitude, longitude, nonNegative, year as checkYear, type Check } from '../../src/lib/validation'

/**
 * Runs our check first (its message names the field and the expected form; blank passes it), then
 * Payload's own validation for the field type, so `required`, `min` and `maxLength` still work.
 */
// Payload types single- and many-valued validators separately; ours handle both shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyValidate = (value: any, args: any) => true | string | Promise<true | string>

export const textCheck =
  (check: Check, label: string): AnyValidate =>
  (value, args) => {
    const values = Array.isArray(value) ? value : [value]
    for (const each of values) {
      const result = check(each, label)
      if (result !== true) return result
    }
    return text(value, args)
  }

export const numberCheck =
  (check: Check, label: string): AnyValidate =>
  (value, args) => {
    const ours = check(value, label)
    return ours === true ? number(value, args) : ours
  }

export const yearField = (name: string, label: string, extra: Partial<NumberField> = {}): NumberField => ({
  name,
  label,
  type: 'number',
  min: 1800,
  index: true,
  admin: { step: 1 },
  validate: numberCheck(checkYear, label),
  ...extra,
} as NumberField)

export const urlField = (name: string, label: string, extra: Partial<TextField> = {}): TextField => ({
  name,
  label,
  type: 'text',
  validate: textCheck(httpUrl, label),
  ...extra,
} as TextField)

export const linksField = (name = 'links'): ArrayField => ({
  name,
  type: 'array',
  maxRows: 20,
  labels: { singular: 'Link', plural: 'Links' },
  fields: [
    { name: 'label', type: 'text', localized: true, maxLength: 200, validate: requiredInDefaultLocale('Link label') },
    urlField('url', 'Link URL', { required: true }),
  ],
})

export const LICENCES = [
  { label: 'CC BY 4.0', value: 'CC-BY-4.0' },
  { label: 'CC BY-SA 4.0', value: 'CC-BY-SA-4.0' },
  { label: 'CC BY-NC 4.0', value: 'CC-BY-NC-4.0' },
  { label: 'CC0 1.0 (public domain)', value: 'CC0-1.0' },
  { label: 'All rights reserved (used with permission)', value: 'all-rights-reserved' },
]

export const licenceField = (name = 'licence', extra: Partial<SelectField> = {}): SelectField => ({
  name,
  type: 'select',
  options: LICENCES,
  ...extra,
} as SelectField)

export const moneyField = (name: string, label: string): GroupField => ({
  name,
  label,
  type: 'group',
  fields: [
    { type: 'row', fields: [
      { name: 'amount', type: 'number', validate: numberCheck(nonNegative, `${label} amount`) },
      { name: 'currency', type: 'text', maxLength: 3, validate: textCheck(currencyCode, `${label} currency`) },
      yearField('year', `${label} year`, { index: false }),
    ] },
  ],
})

/** Languages people speak (ISO 639-1), named in English by the runtime's own CLDR data. */
export const LANGUAGE_CODES = [
  'en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ca', 'pl', 'cs', 'sk', 'hu', 'ro', 'bg', 'el', 'hr', 'sr', 'sl',
  'sv', 'da', 'no', 'fi', 'et', 'lv', 'lt', 'uk', 'ru', 'tr', 'ar', 'he', 'fa', 'ur', 'hi', 'bn', 'ta', 'mr',
  'ne', 'si', 'zh', 'ja', 'ko', 'th', 'vi', 'id', 'ms', 'tl', 'sw', 'am', 'ha', 'yo', 'ig', 'zu', 'xh', 'af',
  'wo', 'so', 'qu',
]
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })
export const LANGUAGES = LANGUAGE_CODES.map((value) => ({ value, label: languageNames.of(value) ?? value }))

export const sidebar = <T extends Field>(field: T): T => ({ ...field, admin: { ...(field.admin ?? {}), position: 'sidebar' } }) as T

/** Our message first (it names the field and the expected form), then Payload's own checks. */
export const selectCheck =
  (check: Check, label: string): AnyValidate =>
  (value, args) => {
    const ours = check(value, label)
    return ours === true ? select(value, args) : ours
  }

/**
 * A WGS84 point as two indexed numbers. Payload's `point` type needs PostGIS, which neither the
 * embedded PostgreSQL nor a stock server has; bounding-box queries work on plain btree indexes.
 */
export const locationField = (name = 'location', label = 'Location'): GroupField => ({
  name,
  label,
  type: 'group',
  admin: { description: 'WGS84 coordinates in decimal degrees.' },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'lat', label: 'Latitude', type: 'number', index: true, validate: numberCheck(latitude, `${label} latitude`) },
        { name: 'lng', label: 'Longitude', type: 'number', index: true, validate: numberCheck(longitude, `${label} longitude`) },
      ],
    },
  ],
  validate: (value: unknown) => {
    const v = (value ?? {}) as { lat?: number | null; lng?: number | null }
    const hasLat = v.lat !== null && v.lat !== undefined
    const hasLng = v.lng !== null && v.lng !== undefined
    return hasLat === hasLng ? true : `${label} needs both latitude and longitude`
  },
} as GroupField)

/**
 * Required in the default locale only: a translation may leave a field empty and fall back to
 * English, instead of blocking every translator on every localized sub-field.
 */
export const requiredInDefaultLocale =
  (label: string): AnyValidate =>
  (value, { req }) => {
    const locale = req?.locale
    if (locale && locale !== 'en' && locale !== 'all') return true
    return typeof value === 'string' && value.trim() !== '' ? true : `${label} is required (in English at least)`
  }
