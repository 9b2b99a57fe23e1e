import { z } from 'zod'

import { zodMessage } from '../endpoints/respond'
import { FACETS, type Facet, type SearchParams } from './search'

/**
 * The query parameters of the case-study discovery endpoints (search, feeds, export, map): one
 * schema, so a filter means the same everywhere and a bad one gets the same 400 everywhere.
 */
const list = (name: string, item: RegExp) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .refine((values) => values.length > 0 && values.length <= 50 && values.every((value) => item.test(value)), { error: `${name}: malformed value` })
    .optional()

const year = (name: string) =>
  z
    .string()
    .regex(/^\d{4}$/, { error: `${name} must be a four-digit year` })
    .transform(Number)
    .optional()

export const filterShape = {
  q: z.string().max(500, { error: 'q must be at most 500 characters' }).optional(),
  city: list('city', /^\d+$/),
  country: list('country', /^[A-Za-z]{2}$/),
  region: list('region', /^[\w-]{1,60}$/),
  topic: list('topic', /^\d+$/),
  sdg: list('sdg', /^([1-9]|1[0-7])$/),
  target: list('target', /^\d{1,2}\.[0-9a-z]{1,2}$/),
  partner: list('partner', /^\d+$/),
  award: list('award', /^\d+$/),
  status: list('status', /^[\w-]{1,40}$/),
  language: list('language', /^(en|de|fr|es)$/),
  yearFrom: year('yearFrom'),
  yearTo: year('yearTo'),
}

export const sortShape = z.enum(['relevance', 'newest', 'start', 'title'], { error: 'sort must be one of relevance, newest, start, title' }).optional()

export const integerParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} must be an integer from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${name} must be an integer from ${min} to ${max}` })
    .optional()

/** The URL's own parameters (Payload adds defaults such as depth and locale to req.query); repeated ones join with commas. */
export function urlParams(url: string | undefined): Record<string, string> {
  const raw: Record<string, string> = {}
  for (const [key, value] of new URL(url ?? '', 'http://localhost').searchParams) raw[key] = key in raw ? `${raw[key]},${value}` : value
  return raw
}

export type Filters = Pick<SearchParams, 'q' | 'filters' | 'yearFrom' | 'yearTo'>

/**
 * Parses `raw` with the filter parameters plus `extra` ones; unknown parameters are errors.
 * Returns the filters and the extra values, or a message naming the bad parameter.
 */
export function parseDiscoveryParams<E extends z.ZodRawShape>(
  raw: Record<string, string>,
  extra: E,
): { ok: true; filters: Filters; extra: z.infer<z.ZodObject<E>> } | { ok: false; message: string } {
  const parsed = z.strictObject({ ...filterShape, ...extra }).safeParse(raw)
  if (!parsed.success) return { ok: false, message: zodMessage(parsed.error, 'unknown parameter') }
  const data = parsed.data as Record<string, unknown>
  const yearFrom = data.yearFrom as number | undefined
  const yearTo = data.yearTo as number | undefined
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) return { ok: false, message: 'yearFrom must not be after yearTo' }
  const filters: Partial<Record<Facet, string[]>> = {}
  for (const facet of FACETS) {
    const values = data[facet] as string[] | undefined
    if (values) filters[facet] = facet === 'country' ? values.map((v) => v.toUpperCase()) : values
  }
  const q = (data.q as string | undefined)?.trim() || undefined
  const extraValues = Object.fromEntries(Object.keys(extra).map((key) => [key, data[key]])) as z.infer<z.ZodObject<E>>
  return { ok: true, filters: { q, filters, yearFrom, yearTo }, extra: extraValues }
}
