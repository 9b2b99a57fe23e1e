import countries from 'i18n-iso-countries'
import { z } from 'zod'

import { PROJECT_AREAS, PROJECT_STATUSES, SECTIONS } from '../../collections/CaseStudies/options'
import { LICENCES } from '../../collections/fields/common'
import { isFetchableUrl } from './urls'

/**
 * The partner feed format, defined once: the importer validates with this schema, and
 * `GET /api/feeds/schema.json` and the README's table are generated from it. A feed is a JSON
 * array of records, or CSV with the flat columns of `CSV_COLUMNS` (lists separated by `;`).
 * The schema is strict: an unknown key is a mistake in the feed, reported, never dropped silently.
 */
export const FEED_FORMAT_VERSION = 1
const values = <T extends { value: string }>(options: readonly T[]) => options.map((option) => option.value) as [string, ...string[]]

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`)
const publicUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(isFetchableUrl, 'must be an http(s) URL of a public host (no IP addresses of private networks, no localhost)')
const year = z.number().int('must be a whole year').min(1800).max(2100)
const markdown = text(50_000).describe('Markdown (headings, lists, **bold**, _italic_, [links](https://…)) or plain paragraphs separated by blank lines')

export const citySchema = z.strictObject({
  name: z.string().trim().min(1, 'city name is empty').max(120),
  country: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .refine((value) => /^[A-Z]{2}$/.test(value) && countries.isValid(value), 'must be an ISO 3166-1 alpha-2 country code such as "DE"'),
})

export const SECTION_NAMES = SECTIONS.map(([name]) => name)

export const feedRecordSchema = z
  .strictObject({
    externalId: z.string().trim().min(1, 'externalId is required').max(200).describe("The partner's own stable id of the case; the same id in the next feed updates the case"),
    title: z.string().trim().min(3, 'at least 3 characters').max(200, 'at most 200 characters').describe('3–200 characters; the slug is made from it once'),
    teaser: text(300).optional().describe('One sentence for lists and cards'),
    summary: text(2000).optional().describe('Plain text'),
    language: z.enum(['en', 'de', 'fr', 'es']).default('en').describe('Language of the texts (the original language of the case)'),
    cities: z.array(citySchema).max(20).default([]).describe('First city is the primary one; unknown cities are created for editors to review'),
    topics: z.array(z.string().trim().min(1)).max(30).default([]).describe('Topic slugs, e.g. "public-transport"'),
    sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]).describe('SDG numbers 1–17'),
    sdgTargets: z.array(z.string().trim().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/, 'must be a target code such as "11.2" or "11.a"')).max(60).default([]).describe('Target codes such as "11.2"; their goals are added to sdgs'),
    projectStatus: z.enum(values(PROJECT_STATUSES)).optional(),
    projectArea: z.enum(values(PROJECT_AREAS)).optional(),
    startYear: year.optional(),
    endYear: year.optional().describe('Not before startYear; empty while planned or ongoing'),
    leadOrganisation: text(200).optional(),
    location: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional().describe('WGS 84 degrees (CSV: location.lat, location.lng)'),
    sections: z
      .strictObject(Object.fromEntries(SECTION_NAMES.map((name) => [name, markdown.optional()])) as Record<(typeof SECTION_NAMES)[number], z.ZodOptional<typeof markdown>>)
      .default({})
      .describe('Markdown (## headings, - lists, **bold**, _italic_, [links](https://…)) or plain paragraphs; CSV: sections.background, …'),
    images: z
      .array(z.strictObject({ url: publicUrl, caption: text(300).optional(), credit: text(200).optional() }))
      .max(30)
      .default([])
      .describe('Public http(s) URLs (no private or loopback hosts); fetched afterwards by a job (JPEG, PNG, WebP, at most 10 MB) as hero image and gallery'),
    sourceUrl: publicUrl.optional().describe('The case on the partner\'s site'),
    licence: z.enum(values(LICENCES)).optional().describe("Defaults to the partner's default licence"),
  })
  .superRefine((record, ctx) => {
    if (record.endYear !== undefined && (record.projectStatus === 'planned' || record.projectStatus === 'ongoing')) {
      ctx.addIssue({ code: 'custom', path: ['endYear'], message: `must be empty while the project is ${record.projectStatus}` })
    }
    if (record.endYear !== undefined && record.startYear !== undefined && record.endYear < record.startYear) {
      ctx.addIssue({ code: 'custom', path: ['endYear'], message: `(${record.endYear}) must not be before startYear (${record.startYear})` })
    }
  })

export type FeedRecord = z.infer<typeof feedRecordSchema>

/** CSV columns: the flat fields, nested ones by dotted name; lists are `;`-separated. */
export const CSV_COLUMNS = [
  'externalId', 'title', 'teaser', 'summary', 'language', 'cities', 'topics', 'sdgs', 'sdgTargets', 'projectStatus', 'projectArea',
  'startYear', 'endYear', 'leadOrganisation', 'location.lat', 'location.lng', ...SECTION_NAMES.map((name) => `sections.${name}`),
  'images', 'sourceUrl', 'licence',
] as const

const LIST_COLUMNS = new Set(['topics', 'sdgs', 'sdgTargets', 'cities', 'images'])
const NUMBER_COLUMNS = new Set(['sdgs', 'startYear', 'endYear', 'location.lat', 'location.lng'])

/** A number where the cell is one, else the text (so the schema names the bad value). */
const cellValue = (column: string, value: string): unknown => (NUMBER_COLUMNS.has(column) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value)

/**
 * One CSV row (header → cell) as the JSON record it stands for: empty cells are absent, cities
 * are written `Berlin (DE); São Paulo (BR)`, images as URLs. Unknown columns stay, so the schema
 * reports them like unknown JSON keys.
 */
export function csvRowToRecord(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, any> = {}
  for (const [column, raw] of Object.entries(row)) {
    const cell = raw.trim()
    if (cell === '') continue
    let value: unknown = cellValue(column, cell)
    if (LIST_COLUMNS.has(column)) {
      const items = cell.split(';').map((item) => item.trim()).filter(Boolean)
      if (column === 'cities') {
        value = items.map((item) => {
          const match = /^(.*?)\s*\(([A-Za-z]{2})\)$/.exec(item)
          return match ? { name: match[1], country: match[2] } : { name: item, country: '' }
        })
      } else if (column === 'images') value = items.map((url) => ({ url }))
      else value = items.map((item) => cellValue(column, item))
    }
    const [head, tail] = column.split('.', 2) as [string, string | undefined]
    if (tail && (head === 'location' || head === 'sections')) (record[head] ??= {})[tail] = value
    else record[column] = value
  }
  return record
}

/** The JSON Schema of a feed (an array of records) served at `GET /api/feeds/schema.json`. */
export function feedJsonSchema(serverUrl = ''): Record<string, unknown> {
  const record = z.toJSONSchema(feedRecordSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  delete record.$schema
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${serverUrl}/api/feeds/schema.json`,
    title: `Urban Sustainability Exchange partner feed, version ${FEED_FORMAT_VERSION}`,
    description: 'An array of case-study records. CSV feeds use the columns ' + CSV_COLUMNS.join(', ') + '; lists separated by ";", cities as "Name (CC)".',
    type: 'array',
    items: record,
  }
}

/** The README's table of the format, generated from the same schema (test/feeds/format.test.ts keeps them equal). */
export function feedFormatMarkdown(): string {
  const items = feedJsonSchema().items as { properties: Record<string, any>; required?: string[] }
  const typeOf = (p: any): string => {
    if (p.enum) return p.enum.map((v: unknown) => `\`${v}\``).join(' / ')
    if (p.type === 'array') return `list of ${typeOf(p.items)}`
    if (p.type === 'object') return `{ ${Object.keys(p.properties ?? {}).join(', ')} }`
    const range = p.minimum !== undefined || p.maximum !== undefined ? ` ${p.minimum ?? ''}–${p.maximum ?? ''}` : ''
    const length = p.maxLength !== undefined ? ` (≤ ${p.maxLength})` : ''
    return `${p.type ?? 'any'}${range}${length}`
  }
  const rows = Object.entries(items.properties).map(([name, p]) => {
    const required = items.required?.includes(name) && p.default === undefined ? 'yes' : ''
    return `| \`${name}\` | ${typeOf(p)} | ${required} | ${(p.description ?? '').replace(/\|/g, '\\|')} |`
  })
  return ['| field | type | required | notes |', '|---|---|---|---|', ...rows].join('\n')
}
