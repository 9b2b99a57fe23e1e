import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload, PayloadRequest } from 'payload'
import { parse } from 'yaml'

import { LOCALES, type Locale } from '../src/lib/locales'
import { bulkUpsertLocalized } from './bulk'
import { upsertAll, type UpsertResult } from './upsert'

/** Reference data: always seeded, in every environment, from files under seed/data. */
const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data')
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as T
const readYaml = (file: string): Record<string, string> => parse(readFileSync(path.join(dataDir, file), 'utf8')) as Record<string, string>

type Localized = Partial<Record<Locale, string>>
const perLocale = (fields: Record<string, Localized | undefined>) => {
  const out: Partial<Record<Locale, Record<string, unknown>>> = {}
  for (const locale of LOCALES) {
    const values = Object.fromEntries(
      Object.entries(fields)
        .map(([name, value]) => [name, value?.[locale]])
        .filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
    )
    if (Object.keys(values).length > 0) out[locale] = values
  }
  return out
}
// The source files mix decomposed accents (i + U+0301) with composed ones; store NFC so search and
// comparisons see one form.
const clean = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

export function loadSdgTexts() {
  const goals: Record<string, Record<string, Localized>> = {}
  const targets: Record<string, Localized> = {}
  const indicators: Record<string, Localized> = {}
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(readYaml(`sdg/${locale}/global_goals.yml`))) {
      const [number, kind] = key.split('-') as [string, string]
      ;((goals[number] ??= {})[kind] ??= {})[locale] = clean(String(text))
    }
    for (const [key, text] of Object.entries(readYaml(`sdg/${locale}/global_targets.yml`))) {
      const code = key.replace(/-title$/, '').replace('-', '.')
      ;(targets[code] ??= {})[locale] = clean(String(text))
    }
    for (const [key, text] of Object.entries(readYaml(`sdg/${locale}/global_indicators.yml`))) {
      const code = key.replace(/-title$/, '').split('-').join('.')
      ;(indicators[code] ??= {})[locale] = clean(String(text))
    }
  }
  const colours = readYaml('sdg/colors.yml')
  return { goals, targets, indicators, colours }
}

/** "11.a" sorts after "11.7", "11.10" after "11.9". */
const orderOf = (code: string) =>
  code.split('.').reduce((sum, part, index) => {
    const value = /^\d+$/.test(part) ? Number(part) : 100 + part.charCodeAt(0) - 96
    return sum + value * [1_000_000, 1_000, 1][index]!
  }, 0)

export type ReferenceIds = {
  sdgs: Map<string, number | string>
  targets: Map<string, number | string>
  indicators: Map<string, number | string>
  topics: Map<string, number | string>
  partners: Map<string, number | string>
  awards: Map<string, number | string>
}

export async function seedReference(payload: Payload, req: PayloadRequest, log: (message: string) => void): Promise<ReferenceIds> {
  let lap = Date.now()
  const report = (name: string, r: UpsertResult) => {
    log(`${name}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged (${((Date.now() - lap) / 1000).toFixed(1)} s)`)
    lap = Date.now()
  }
  const { goals, targets, indicators, colours } = loadSdgTexts()

  const localesOf = (fields: Record<string, Localized | undefined>) => perLocale(fields) as Record<string, Record<string, string>>
  const goalNumbers = Object.keys(goals).map(Number).sort((a, b) => a - b)
  const sdgs = await bulkUpsertLocalized(
    payload,
    req,
    'sdgs',
    'number',
    goalNumbers.map((number) => ({
      key: number,
      columns: { code: `SDG ${number}`, colour: colours[String(number)] ?? null, uri: `https://sdgs.un.org/goals/goal${number}` },
      locales: localesOf({ short_title: goals[number]!.short, title: goals[number]!.title }),
    })),
    { number: 'numeric' },
  )
  report('SDGs', sdgs)

  const targetCodes = Object.keys(targets).sort((a, b) => orderOf(a) - orderOf(b))
  const targetResult = await bulkUpsertLocalized(
    payload,
    req,
    'sdg_targets',
    'code',
    targetCodes.map((code) => ({
      key: code,
      columns: { goal_id: sdgs.ids.get(code.split('.')[0]!) as number, order: orderOf(code) },
      locales: localesOf({ text: targets[code] }),
    })),
    { goal_id: 'integer', order: 'numeric' },
  )
  report('SDG targets', targetResult)

  const indicatorCodes = Object.keys(indicators)
    .sort((a, b) => orderOf(a) - orderOf(b))
    .filter((code) => targetResult.ids.has(code.split('.').slice(0, 2).join('.')))
  const indicatorResult = await bulkUpsertLocalized(
    payload,
    req,
    'sdg_indicators',
    'code',
    indicatorCodes.map((code) => ({
      key: code,
      columns: { target_id: targetResult.ids.get(code.split('.').slice(0, 2).join('.')) as number, order: orderOf(code) },
      locales: localesOf({ text: indicators[code] }),
    })),
    { target_id: 'integer', order: 'numeric' },
  )
  report('SDG indicators', indicatorResult)

  type TopicRow = { slug: string; scheme: string; parent: string | null; order: number; name: Localized; description?: Localized; sdgTargets?: string[]; synonyms?: string[] }
  const topicRows = readJson<TopicRow[]>('topics.json')
  const topicIds = new Map<string, number | string>()
  const topicTotals = { created: 0, updated: 0, unchanged: 0 }
  // parents before children, so every parent has an id when its children are written
  for (const level of [topicRows.filter((t) => !t.parent), topicRows.filter((t) => t.parent)]) {
    const result = await upsertAll(
      payload,
      'topics',
      'slug',
      level.map((topic) => ({
        data: {
          slug: topic.slug,
          scheme: topic.scheme,
          parent: topic.parent ? topicIds.get(topic.parent) : null,
          order: topic.order,
          relatedTargets: (topic.sdgTargets ?? []).map((code) => targetResult.ids.get(code)).filter(Boolean),
          synonyms: topic.synonyms ?? [],
        },
        locales: perLocale({ name: topic.name, description: topic.description }),
      })),
    req,
  )
    result.ids.forEach((id, slug) => topicIds.set(slug, id))
    topicTotals.created += result.created
    topicTotals.updated += result.updated
    topicTotals.unchanged += result.unchanged
  }
  report('Topics', { ...topicTotals, ids: topicIds })

  type PartnerRow = { slug: string; name: string; type: string; website?: string; description?: Localized; founded?: number; defaultLicence?: string; trustLevel?: string }
  const partners = await upsertAll(
    payload,
    'partners',
    'slug',
    readJson<PartnerRow[]>('partners.json').map((p) => ({
      data: { slug: p.slug, name: p.name, type: p.type, website: p.website, founded: p.founded, defaultLicence: p.defaultLicence, trustLevel: p.trustLevel ?? 'review-required' },
      locales: perLocale({ description: p.description }),
    })),
    req,
  )
  report('Partners', partners)

  type AwardRow = { slug: string; name: Localized; organiser?: string; edition?: string; year: number; categories?: string[] }
  const awards = await upsertAll(
    payload,
    'awards',
    'slug',
    readJson<AwardRow[]>('awards.json').map((a) => ({
      data: { slug: a.slug, organiser: a.organiser ? partners.ids.get(a.organiser) : null, edition: a.edition, year: a.year },
      locales: perLocale({ name: a.name }),
    })),
    req,
  )
  report('Awards', awards)

  return { sdgs: sdgs.ids, targets: targetResult.ids, indicators: indicatorResult.ids, topics: topicIds, partners: partners.ids, awards: awards.ids }
}
