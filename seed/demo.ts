import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload, PayloadRequest } from 'payload'

import { paragraphsToLexical } from '../src/lib/lexical'
import { LOCALES, type Locale } from '../src/lib/locales'
import type { ReferenceIds } from './reference'
import { upsertAll, type SeedRecord, type UpsertResult } from './upsert'

/**
 * Demo content for development and demos: real cities (GeoNames coordinates and populations) with
 * fictional citymakers, case studies and articles, each marked `demo: true`.
 */
const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data')
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as T

type Localized<T = string> = Partial<Record<Locale, T>>
type Ids = Map<string, number | string>

const lookup = (ids: Ids, keys: Array<string | number> | undefined, what: string) =>
  (keys ?? []).map((key) => {
    const id = ids.get(String(key))
    if (id === undefined) throw new Error(`Demo data refers to unknown ${what} "${key}"`)
    return id
  })

/** Collects localized values of several fields into one object per locale. */
function localesOf(fields: Record<string, Localized<unknown> | undefined>): SeedRecord['locales'] {
  const out: NonNullable<SeedRecord['locales']> = {}
  for (const locale of LOCALES) {
    for (const [name, value] of Object.entries(fields)) {
      const v = value?.[locale]
      if (v === undefined || v === null || v === '') continue
      const target = (out[locale] ??= {})
      const parts = name.split('.')
      let node = target as Record<string, unknown>
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
      node[parts.at(-1)!] = v
    }
  }
  return out
}

const toLexical = (value: Localized<string[]> | undefined): Localized<unknown> | undefined =>
  value && Object.fromEntries(Object.entries(value).map(([locale, paragraphs]) => [locale, paragraphsToLexical(paragraphs ?? [])]))

export async function seedDemo(payload: Payload, ref: ReferenceIds, req: PayloadRequest, log: (message: string) => void): Promise<void> {
  let lap = Date.now()
  const report = (name: string, r: UpsertResult) => {
    log(`${name}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged (${((Date.now() - lap) / 1000).toFixed(1)} s)`)
    lap = Date.now()
  }

  type CityRow = { slug: string; name: Localized; country: string; geonamesId?: number; wikidataId?: string; location: { lat: number; lng: number }; population?: { value: number; year: number; source: string }; networks?: Array<{ partner: string; since?: number }> }
  const cityRows = readJson<CityRow[]>('cities.json')
  const cities = await upsertAll(
    payload,
    'cities',
    'slug',
    cityRows.map((c) => ({
      data: {
        slug: c.slug,
        country: c.country,
        geonamesId: c.geonamesId,
        wikidataId: c.wikidataId,
        location: { lat: c.location.lat, lng: c.location.lng },
        population: c.population,
        networks: (c.networks ?? []).map((n) => ({ partner: lookup(ref.partners, [n.partner], 'partner')[0], since: n.since ?? null })),
      },
      locales: localesOf({ name: c.name }),
    })),
    req,
  )
  report('Cities', cities)
  const cityLocation = new Map(cityRows.map((c) => [c.slug, { lat: c.location.lat, lng: c.location.lng }]))

  type PersonRow = { slug: string; displayName: string; email: string; accountType: string; category: string; organisation?: string; position?: string; city?: string; bio?: Localized; expertiseTopics?: string[]; sdgInterests?: number[]; languages?: string[]; links?: Array<{ label: string; url: string }>; profileVisibility: string; allowContact: boolean; roles: string[] }
  const people = readJson<PersonRow[]>('demo/citymakers.json')
  const existingPeople = await payload.find({ collection: 'citymakers', where: { email: { in: people.map((p) => p.email) } }, depth: 0, pagination: false, select: { email: true } })
  const known = new Set(existingPeople.docs.map((d) => d.email))
  // Demo accounts get random passwords: they exist to be looked at, not to log in as.
  const citymakers = await upsertAll(
    payload,
    'citymakers',
    'email',
    people.map((p) => ({
      data: {
        email: p.email,
        ...(known.has(p.email) ? {} : { password: randomBytes(18).toString('base64url'), _verified: true }),
        displayName: p.displayName,
        accountType: p.accountType,
        category: p.category,
        organisation: p.organisation,
        position: p.position,
        city: p.city ? lookup(cities.ids, [p.city], 'city')[0] : null,
        expertiseTopics: lookup(ref.topics, p.expertiseTopics, 'topic'),
        sdgInterests: lookup(ref.sdgs, p.sdgInterests, 'SDG'),
        languages: p.languages ?? [],
        profileVisibility: p.profileVisibility,
        allowContact: p.allowContact,
        roles: p.roles,
        demo: true,
      },
      locales: localesOf({ bio: p.bio, links: { en: p.links ?? [] } }),
    })),
    req, { disableVerificationEmail: true },
  )
  report('Citymakers', citymakers)
  const personIds = new Map(people.map((p) => [p.slug, citymakers.ids.get(p.email)!]))

  type CaseRow = Record<string, any> & { slug: string }
  const caseRows = readJson<CaseRow[]>('demo/case-studies.json')
  const caseRecords: SeedRecord[] = caseRows.map((c) => {
    const published = c.workflowState === 'published'
    const firstCity = c.cities?.[0]
    return {
      data: {
        slug: c.slug,
        _status: published ? 'published' : 'draft',
        workflowState: c.workflowState ?? 'draft',
        demo: true,
        featured: Boolean(c.featured),
        cities: lookup(cities.ids, c.cities, 'city'),
        location: c.location ? { lat: c.location.lat, lng: c.location.lng } : firstCity ? cityLocation.get(firstCity) : undefined,
        projectArea: c.projectArea,
        projectStatus: c.projectStatus,
        startYear: c.startYear,
        endYear: c.endYear ?? null,
        actorTypes: c.actorTypes ?? [],
        leadOrganisation: c.leadOrganisation,
        partnerOrganisations: c.partnerOrganisations ?? [],
        funding: c.funding ? { funderTypes: c.funding.funderTypes ?? [], amount: c.funding.amount, currency: c.funding.currency, year: c.funding.year } : undefined,
        topics: lookup(ref.topics, c.topics, 'topic'),
        instruments: lookup(ref.topics, c.instruments, 'instrument'),
        targetGroups: lookup(ref.topics, c.targetGroups, 'target group'),
        sdgs: lookup(ref.sdgs, c.sdgs, 'SDG'),
        sdgTargets: lookup(ref.targets, c.sdgTargets, 'SDG target'),
        primarySdg: c.primarySdg ? lookup(ref.sdgs, [c.primarySdg], 'SDG')[0] : null,
        awards: (c.awards ?? []).map((a: { award: string; result: string }) => ({ award: lookup(ref.awards, [a.award], 'award')[0], result: a.result })),
        author: c.author ? personIds.get(c.author) ?? null : null,
        originalLanguage: c.originalLanguage ?? 'en',
        // Demo cases are fictional: never attribute them to a real partner organisation.
        provenance: { sourceType: 'editorial', sourcePartner: null },
      },
      locales: localesOf({
        title: c.title,
        teaser: c.teaser,
        summary: c.summary,
        ...Object.fromEntries(Object.entries(c.sections ?? {}).map(([name, value]) => [`sections.${name}`, toLexical(value as Localized<string[]>)])),
        impactMetrics: {
          en: (c.impactMetrics ?? []).map((m: Record<string, any>) => ({
            indicator: m.indicator?.en,
            sdgIndicator: m.sdgIndicator ? lookup(ref.indicators, [m.sdgIndicator], 'SDG indicator')[0] : null,
            baseline: m.baseline ?? null,
            value: m.value,
            unit: m.unit,
            year: m.year,
            source: m.source,
          })),
        },
        links: { en: c.links ?? [] },
      }),
    }
  })
  const cases = await upsertAll(payload, 'case-studies', 'slug', caseRecords, req)
  report('Case studies', cases)

  if (existsSync(path.join(dataDir, 'demo/articles.json'))) {
    type ArticleRow = Record<string, any> & { slug: string }
    const articles = await upsertAll(
      payload,
      'articles',
      'slug',
      readJson<ArticleRow[]>('demo/articles.json').map((a) => ({
        data: {
          slug: a.slug,
          _status: 'published',
          demo: true,
          type: a.type,
          publishedAt: a.publishedAt,
          event: a.event ? { start: a.event.start, end: a.event.end, venue: a.event.venue, onlineUrl: a.event.onlineUrl, registrationUrl: a.event.registrationUrl } : undefined,
          interviewee: a.interviewee ? { citymaker: personIds.get(a.interviewee) ?? null } : undefined,
          relatedCases: lookup(cases.ids, a.relatedCases, 'case study'),
          cities: lookup(cities.ids, a.cities, 'city'),
          topics: lookup(ref.topics, a.topics, 'topic'),
          sdgs: lookup(ref.sdgs, a.sdgs, 'SDG'),
          partners: lookup(ref.partners, a.partners, 'partner'),
        },
        locales: localesOf({ title: a.title, teaser: a.teaser, body: toLexical(a.body) }),
      })),
    req,
  )
    report('Articles', articles)
  }
}
