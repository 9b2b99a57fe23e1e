import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { DEFAULT_LOCALE, LOCALES, type Locale } from '../src/lib/locales'

/**
 * Idempotent writes for seed data: a record is created when its key is new, updated only in the
 * locales whose values differ, and left alone (same `updatedAt`) when nothing changed.
 */
export type SeedRecord = {
  /** Non-localized fields (identifiers, numbers, relationships as ids). */
  data: Record<string, unknown>
  /** Localized fields per locale; `en` is required for creation. */
  locales?: Partial<Record<Locale, Record<string, unknown>>>
}

type Doc = Record<string, unknown> & { id: number | string }
export type UpsertResult = { created: number; updated: number; unchanged: number; ids: Map<string, number | string> }

const LOCALE_KEYS = new Set<string>(LOCALES)
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isLocaleMap = (value: unknown) => isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => LOCALE_KEYS.has(key))

/** Is every value in `desired` present and equal in `existing` (read with locale "all")? */
export function matches(desired: unknown, existing: unknown, locale: Locale | undefined): boolean {
  if (locale && isLocaleMap(existing) && !isLocaleMap(desired)) return matches(desired, (existing as Record<string, unknown>)[locale], undefined)
  if (desired === undefined) return true
  if (desired === null) return existing === null || existing === undefined
  if (Array.isArray(desired)) {
    if (!Array.isArray(existing) || existing.length !== desired.length) return false
    return desired.every((item, index) => matches(item, normalizeRef(existing[index], item), locale))
  }
  if (isPlainObject(desired)) {
    if (!isPlainObject(existing)) return false
    return Object.entries(desired).every(([key, value]) => matches(value, existing[key], locale))
  }
  const value = normalizeRef(existing, desired)
  if (value === desired) return true
  // dates come back as full ISO timestamps ("2026-03-12" is stored as "2026-03-12T00:00:00.000Z")
  return typeof desired === 'string' && typeof value === 'string' && ISO_DATE.test(desired) && Date.parse(desired) === Date.parse(value)
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/

/** Relationship values come back as ids at depth 0, but polymorphic or populated ones as objects. */
const normalizeRef = (existing: unknown, desired: unknown) =>
  isPlainObject(existing) && !isPlainObject(desired) && 'id' in existing ? existing.id : existing

export async function upsertAll(
  payload: Payload,
  collection: CollectionSlug,
  key: string,
  records: SeedRecord[],
  req: PayloadRequest,
  createOptions: Record<string, unknown> = {},
): Promise<UpsertResult> {
  const existing = await payload.find({
    collection,
    locale: 'all',
    depth: 0,
    pagination: false,
    draft: true,
    req,
  } as Parameters<Payload['find']>[0])
  const byKey = new Map((existing.docs as unknown as Doc[]).map((doc) => [String(doc[key]), doc]))
  const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, ids: new Map() }
  const context = { seeding: true, skipNotifications: true }

  for (const record of records) {
    const keyValue = String(record.data[key])
    const current = byKey.get(keyValue)
    const localeData = record.locales ?? {}
    if (!current) {
      const created = (await payload.create({
        collection,
        data: { ...record.data, ...(localeData[DEFAULT_LOCALE] ?? {}) },
        locale: DEFAULT_LOCALE,
        depth: 0,
        // the seed needs only the id back: skip reading joins and relationships of the result
        select: { id: true },
        context,
        req,
        ...createOptions,
      } as Parameters<Payload['create']>[0])) as unknown as Doc
      for (const locale of LOCALES) {
        if (locale === DEFAULT_LOCALE || !localeData[locale]) continue
        await payload.update({ collection, id: created.id, data: localeData[locale]!, locale, depth: 0, select: { id: true }, context, req } as Parameters<Payload['update']>[0])
      }
      result.created += 1
      result.ids.set(keyValue, created.id)
      continue
    }
    result.ids.set(keyValue, current.id)
    let changed = false
    const sharedChanged = !matches(record.data, current, DEFAULT_LOCALE)
    for (const locale of LOCALES) {
      const localized = localeData[locale]
      const needs = (locale === DEFAULT_LOCALE && sharedChanged) || (localized && !matches(localized, current, locale))
      if (!needs) continue
      await payload.update({
        collection,
        id: current.id,
        data: locale === DEFAULT_LOCALE ? { ...record.data, ...(localized ?? {}) } : localized!,
        locale,
        depth: 0,
        select: { id: true },
        context,
        req,
      } as Parameters<Payload['update']>[0])
      changed = true
    }
    if (changed) result.updated += 1
    else result.unchanged += 1
  }
  return result
}
