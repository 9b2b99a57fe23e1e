import { createHash } from 'node:crypto'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { SECTIONS } from '../../collections/CaseStudies/options'
import { computeCompleteness } from '../lib/completeness'
import { regionOf } from '../lib/geography'
import { refreshSearch } from '../lib/search'
import { slugify, nameKey } from '../lib/slugify'
import { dbFor, sql } from '../lib/sql'
import { markdownToLexical } from './markdown'
import { snapshotVersions } from './versions'
import type { ParsedRecord } from './parse'
import { FEED_FORMAT_VERSION, feedRecordSchema, type FeedRecord } from './schema'

/**
 * The feed importer, on PostgreSQL itself (Payload has no bulk create): records are validated
 * one by one, then written in batches of `batchSize`, each batch one transaction of a few
 * multi-row statements. A case is identified by (partner, externalId); its `contentHash` (of the
 * validated record) decides whether it changed, so an unchanged record costs one indexed lookup
 * and no write. A kill between batches leaves whole batches behind; the next run skips them as
 * unchanged and writes the rest. Payload's hooks do not run here, so this does their part:
 * slug, completeness, SDG goals of targets, workflow events, the search row and the jobs.
 */
export type PartnerInfo = { id: number; slug: string; name: string; type?: string | null; trustLevel?: string | null; defaultLicence?: string | null }
export type FieldProblem = { path: string; message: string }
export type RecordProblem = { index: number; externalId?: string; errors: FieldProblem[] }
export type ImportCounts = {
  received: number
  created: number
  updated: number
  unchanged: number
  invalid: number
  duplicates: number
  conflicts: number
  retired: number
  citiesCreated: number
}
export type ImportReport = {
  dryRun: boolean
  counts: ImportCounts
  errors: RecordProblem[]
  conflicts: Array<{ index: number; externalId: string; caseStudy: number; message: string }>
  createdCities: Array<{ id?: number; name: string; country: string }>
  warnings: string[]
  publishedIds: number[]
  /** milliseconds spent per phase (validation, look-ups, each kind of write), for the benchmark */
  timings: Record<string, number>
}
export type ImportOptions = {
  partner: PartnerInfo
  records: AsyncIterable<ParsedRecord>
  dryRun?: boolean
  retireMissing?: boolean
  /** The `imports` log document this run reports to (progress after every batch). */
  importId?: number
  actorLabel?: string
  batchSize?: number
  onProgress?: (report: ImportReport, processed: number) => void | Promise<void>
  /** Batches written at the same time (default 2; dry runs read one at a time). */
  concurrency?: number
}

/** At most this many record problems are kept in a report; the counts stay exact. */
export const MAX_REPORTED_PROBLEMS = 1000

type Prepared = {
  index: number
  externalId: string
  hash: string
  record: FeedRecord
  cities: Array<{ key: string; name: string; country: string }>
  rels: Array<{ path: string; column: 'cities_id' | 'topics_id' | 'sdgs_id' | 'sdg_targets_id'; id: number | string }>
  /** how many SDGs the case gets (its own and those of its targets) */
  goals: number
}
type Written = Prepared & { sections: Record<string, unknown>; completeness: { score: number; missing: string[] } }

type References = {
  topics: Map<string, { id: number; scheme: string }>
  sdgs: Map<number, number>
  targets: Map<string, { id: number; goal: number }>
  cities: Map<string, number>
}

const TOPIC_PATHS: Record<string, string> = { topic: 'topics', instrument: 'instruments', 'target-group': 'targetGroups' }
const SECTION_NAMES = SECTIONS.map(([name]) => name)
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Stable JSON (sorted keys), so the hash does not depend on key order or the feed's format. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

export const contentHash = (record: FeedRecord) => createHash('sha256').update(`v${FEED_FORMAT_VERSION}:${canonical(record)}`).digest('hex')

async function loadReferences(payload: Payload): Promise<References> {
  const db = await dbFor(payload)
  const topics = await db.execute(sql`SELECT id, slug, scheme::text AS scheme FROM topics`)
  const sdgs = await db.execute(sql`SELECT id, number::int AS number FROM sdgs`)
  const targets = await db.execute(sql`SELECT id, code, goal_id FROM sdg_targets`)
  const cities = await db.execute(sql`SELECT id, name_key, country::text AS country FROM cities`)
  return {
    topics: new Map(topics.rows.map((row) => [String(row.slug), { id: Number(row.id), scheme: String(row.scheme) }])),
    sdgs: new Map(sdgs.rows.map((row) => [Number(row.number), Number(row.id)])),
    targets: new Map(targets.rows.map((row) => [String(row.code), { id: Number(row.id), goal: Number(row.goal_id) }])),
    cities: new Map(cities.rows.map((row) => [`${row.name_key}|${row.country}`, Number(row.id)])),
  }
}

function zodProblems(error: { issues: Array<{ code: string; path: PropertyKey[]; message: string; keys?: string[] }> }): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') return { path: path || '(record)', message: `unknown field(s): ${(issue.keys ?? []).join(', ')}` }
    return { path: path || '(record)', message: issue.message }
  })
}

/** Validation and reference look-ups of one record: the prepared row, or its problems. */
function prepare(index: number, value: unknown, refs: References): Prepared | FieldProblem[] {
  const rowError = (value as { __rowError?: string } | null)?.__rowError
  if (rowError) return [{ path: '(row)', message: rowError }]
  const parsed = feedRecordSchema.safeParse(value)
  if (!parsed.success) return zodProblems(parsed.error as never)
  const record = parsed.data
  const problems: FieldProblem[] = []
  const rels: Prepared['rels'] = []
  const cities = record.cities.map((city) => ({ key: `${nameKey(city.name)}|${city.country}`, name: city.name, country: city.country }))
  if (cities.some((city) => city.key.startsWith('|'))) problems.push({ path: 'cities', message: 'a city name must contain letters or digits' })
  cities.forEach((city) => rels.push({ path: 'cities', column: 'cities_id', id: city.key }))
  const seenTopics = new Set<string>()
  record.topics.forEach((slug, i) => {
    const topic = refs.topics.get(slug)
    if (!topic) problems.push({ path: `topics.${i}`, message: `unknown topic "${slug}" (use the slugs of /api/topics)` })
    else if (!seenTopics.has(slug)) {
      seenTopics.add(slug)
      rels.push({ path: TOPIC_PATHS[topic.scheme] ?? 'topics', column: 'topics_id', id: topic.id })
    }
  })
  const goals = new Set<number>()
  record.sdgs.forEach((number) => goals.add(refs.sdgs.get(number)!))
  const targetIds = new Set<number>()
  record.sdgTargets.forEach((code, i) => {
    const target = refs.targets.get(code)
    if (!target) problems.push({ path: `sdgTargets.${i}`, message: `unknown SDG target "${code}"` })
    else {
      targetIds.add(target.id)
      goals.add(target.goal)
    }
  })
  if (problems.length) return problems
  for (const id of goals) rels.push({ path: 'sdgs', column: 'sdgs_id', id })
  for (const id of targetIds) rels.push({ path: 'sdgTargets', column: 'sdg_targets_id', id })
  return { index, externalId: record.externalId, hash: contentHash(record), record, cities, rels, goals: goals.size }
}

/** Rich text and completeness, only for the records that are written (unchanged ones skip this). */
function materialize(row: Prepared): Written {
  const sections: Record<string, unknown> = {}
  for (const name of SECTION_NAMES) {
    const text = row.record.sections[name]
    sections[name] = text ? markdownToLexical(text) : null
  }
  const completeness = computeCompleteness({ ...row.record, sections, sdgs: row.goals ? [row.goals] : [] })
  return { ...row, sections, completeness }
}

function stopwatch(report: ImportReport) {
  let last = performance.now()
  return (phase: string) => {
    const now = performance.now()
    report.timings[phase] = (report.timings[phase] ?? 0) + (now - last)
    last = now
  }
}

const emptyCounts = (): ImportCounts => ({ received: 0, created: 0, updated: 0, unchanged: 0, invalid: 0, duplicates: 0, conflicts: 0, retired: 0, citiesCreated: 0 })

export async function importFeed(payload: Payload, options: ImportOptions): Promise<ImportReport> {
  const { partner, dryRun = false, batchSize = 500 } = options
  const report: ImportReport = { dryRun, counts: emptyCounts(), errors: [], conflicts: [], createdCities: [], warnings: [], publishedIds: [], timings: {} }
  const refs = await loadReferences(payload)
  const seen = new Map<string, number>()
  let unidentified = 0
  let batch: Prepared[] = []
  let batchNumber = 0
  const startedAt = new Date().toISOString()
  const problem = (entry: RecordProblem) => {
    if (report.errors.length < MAX_REPORTED_PROBLEMS) report.errors.push(entry)
  }
  // two batches in flight: while PostgreSQL builds one batch's search rows (CPU in the server),
  // the next is validated and written; each stays one transaction of its own
  const concurrency = dryRun ? 1 : Math.max(1, options.concurrency ?? 2)
  const inflight = new Set<Promise<void>>()
  let failure: unknown
  const flush = async () => {
    if (!batch.length) return
    const rows = batch
    batch = []
    const number = ++batchNumber
    if (!dryRun) await ensureCities(payload, refs, rows, report)
    const write = () => writeBatch(payload, { options, report, refs, batch: rows, batchNumber: number, startedAt })
    const job: Promise<void> = (async () => {
      try {
        await write()
      } catch (err) {
        // two batches chose the same slug for equal titles: once the other has committed, again
        if (!isUniqueViolation(err)) throw err
        await Promise.allSettled([...inflight].filter((other) => other !== job))
        await write()
      }
      await options.onProgress?.(report, report.counts.received)
    })()
      .catch((err) => {
        failure ??= err
      })
      .finally(() => inflight.delete(job))
    inflight.add(job)
    if (inflight.size >= concurrency) await Promise.race(inflight)
    if (failure) {
      await Promise.allSettled([...inflight])
      throw failure
    }
  }

  const lap = stopwatch(report)
  for await (const { index, value } of options.records) {
    lap('parse')
    report.counts.received++
    const rawId = (value as { externalId?: unknown } | null)?.externalId
    const externalId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).trim() : undefined
    if (externalId) {
      const first = seen.get(externalId)
      if (first !== undefined) {
        report.counts.duplicates++
        problem({ index, externalId, errors: [{ path: 'externalId', message: `duplicate: record ${first} of this feed has the same externalId (this one is ignored)` }] })
        continue
      }
      seen.set(externalId, index)
    } else unidentified++
    const prepared = prepare(index, value, refs)
    lap('validate')
    if (Array.isArray(prepared)) {
      report.counts.invalid++
      problem({ index, externalId, errors: prepared })
      continue
    }
    batch.push(prepared)
    if (batch.length >= batchSize) {
      await flush()
      lap('write')
    }
  }
  await flush()
  await Promise.allSettled([...inflight])
  if (failure) throw failure

  if (options.retireMissing) {
    if (unidentified > 0) report.warnings.push(`--retire-missing skipped: ${unidentified} record(s) without an externalId, so missing cases cannot be told apart`)
    else await retireMissing(payload, { options, report, seen: [...seen.keys()] })
  }
  return report
}

async function retireMissing(payload: Payload, { options, report, seen }: { options: ImportOptions; report: ImportReport; seen: string[] }) {
  const db = await dbFor(payload)
  const present = sql`(SELECT jsonb_array_elements_text(${JSON.stringify(seen)}::jsonb))`
  if (options.dryRun) {
    const { rows } = await db.execute(sql`SELECT count(*)::int AS n FROM case_studies WHERE provenance_source_partner_id = ${options.partner.id}
      AND workflow_state <> 'archived' AND provenance_external_id IS NOT NULL AND provenance_external_id NOT IN ${present}`)
    report.counts.retired = Number(rows[0]?.n ?? 0)
    return
  }
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const tx = await dbFor(payload, req)
    const label = options.actorLabel ?? 'feed import'
    const { rows } = await tx.execute(sql`
      WITH gone AS (
        SELECT id, workflow_state::text AS was FROM case_studies
        WHERE provenance_source_partner_id = ${options.partner.id} AND workflow_state <> 'archived'
          AND provenance_external_id IS NOT NULL AND provenance_external_id NOT IN ${present}
        FOR UPDATE),
      archived AS (
        UPDATE case_studies c SET workflow_state = 'archived', _status = 'draft', updated_at = now() FROM gone WHERE c.id = gone.id RETURNING c.id, gone.was)
      INSERT INTO workflow_events (case_study_id, "from", "to", actor_label, comment, summary)
      SELECT id, was, 'archived', ${label}, 'Missing from the partner feed (--retire-missing)', was || ' → archived' FROM archived
      RETURNING case_study_id`)
    const ids = rows.map((row) => Number(row.case_study_id))
    await snapshotVersions(tx, ids)
    await refreshSearch(payload, ids, req)
    report.counts.retired = ids.length
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

type BatchContext = { options: ImportOptions; report: ImportReport; refs: References; batch: Prepared[]; batchNumber: number; startedAt: string }

async function writeBatch(payload: Payload, { options, report, refs, batch, batchNumber, startedAt }: BatchContext) {
  const { partner, dryRun } = options
  const lap = stopwatch(report)
  const read = await dbFor(payload)
  const { rows: existingRows } = await read.execute(sql`
    SELECT id, provenance_external_id AS external_id, provenance_content_hash AS hash, provenance_last_imported_at AS imported, provenance_edited_at AS edited
    FROM case_studies WHERE provenance_source_partner_id = ${partner.id}
      AND provenance_external_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(batch.map((row) => row.externalId))}::jsonb))`)
  const existing = new Map(existingRows.map((row) => [String(row.external_id), row]))
  lap('write: look-up')
  const inserts: Written[] = []
  const updates: Array<Written & { id: number }> = []
  for (const row of batch) {
    const current = existing.get(row.externalId)
    if (!current) inserts.push(dryRun ? (row as Written) : materialize(row))
    else if (current.hash === row.hash) report.counts.unchanged++
    else if (!current.imported || (current.edited && new Date(String(current.edited)) > new Date(String(current.imported)))) {
      report.counts.conflicts++
      if (report.conflicts.length < MAX_REPORTED_PROBLEMS) {
        report.conflicts.push({
          index: row.index,
          externalId: row.externalId,
          caseStudy: Number(current.id),
          message: current.imported ? 'changed in the feed, but an editor edited the case since the last import: the edit is kept, the record is not applied' : 'a case with this externalId exists that was not imported: it is left alone',
        })
      }
    } else updates.push({ ...(dryRun ? (row as Written) : materialize(row)), id: Number(current.id) })
  }
  const newCities = new Map<string, { key: string; name: string; country: string }>()
  for (const row of [...inserts, ...updates]) for (const city of row.cities) if (!refs.cities.has(city.key) && !newCities.has(city.key)) newCities.set(city.key, city)

  if (dryRun) {
    report.counts.created += inserts.length
    report.counts.updated += updates.length
    for (const city of newCities.values()) {
      refs.cities.set(city.key, -1)
      report.createdCities.push({ name: city.name, country: city.country })
    }
    report.counts.citiesCreated = report.createdCities.length
    return
  }
  if (!inserts.length && !updates.length) return

  // (cities were created before the batch, see ensureCities)
  const req = await createLocalReq({ context: { feedImport: true, skipNotifications: true } }, payload)
  await initTransaction(req)
  try {
    lap('write: materialize')
    const db = await dbFor(payload, req)
    const now = new Date().toISOString()
    const state = partner.trustLevel === 'trusted' ? 'published' : 'submitted'
    const sourceType = partner.type === 'urban-award' ? 'award' : 'partner-feed'
    const common = (row: Written) => {
      const r = row.record
      return {
        project_area: r.projectArea ?? null,
        project_status: r.projectStatus ?? null,
        start_year: r.startYear ?? null,
        end_year: r.endYear ?? null,
        lead_organisation: r.leadOrganisation ?? null,
        location_lat: r.location?.lat ?? null,
        location_lng: r.location?.lng ?? null,
        original_language: r.language,
        completeness_score: row.completeness.score,
        provenance_source_url: r.sourceUrl ?? null,
        provenance_licence: r.licence ?? partner.defaultLicence ?? null,
        provenance_retrieved_at: startedAt,
        provenance_content_hash: row.hash,
        provenance_last_imported_at: now,
        provenance_last_import_id: options.importId ?? null,
        updated_at: now,
      }
    }

    const written: number[] = []
    const published: number[] = []
    const byId = new Map<number, Written>()
    if (inserts.length) {
      const slugs = await uniqueSlugs(db, partner, inserts)
      const rows = inserts.map((row) => ({
        ...common(row),
        slug: slugs.get(row.externalId)!,
        workflow_state: state,
        _status: state === 'published' ? 'published' : 'draft',
        published_at: state === 'published' ? now : null,
        translations_en: row.record.language === 'en' ? 'original' : 'missing',
        translations_de: row.record.language === 'de' ? 'original' : 'missing',
        translations_fr: row.record.language === 'fr' ? 'original' : 'missing',
        translations_es: row.record.language === 'es' ? 'original' : 'missing',
        provenance_source_type: sourceType,
        provenance_source_partner_id: partner.id,
        provenance_external_id: row.externalId,
        provenance_first_imported_at: now,
        featured: false,
        demo: false,
        author_left: false,
        created_at: now,
      }))
      // one JSON parameter per statement, typed by the table's own row type (enums included)
      const columns = Object.keys(rows[0]!)
      const list = sql.raw(columns.map((c) => `"${c}"`).join(', '))
      const { rows: created } = await db.execute(sql`
        INSERT INTO case_studies (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::case_studies, ${JSON.stringify(rows)}::jsonb)
        RETURNING id, provenance_external_id`)
      const idOf = new Map(created.map((row) => [String(row.provenance_external_id), Number(row.id)]))
      for (const row of inserts) {
        const id = idOf.get(row.externalId)!
        written.push(id)
        byId.set(id, row)
      }
      const events = inserts.map((row) => ({ case_study_id: idOf.get(row.externalId)!, from: 'new', to: state, actor_label: options.actorLabel ?? 'feed import', summary: `new → ${state}` }))
      await db.execute(sql`
        INSERT INTO workflow_events (case_study_id, "from", "to", actor_label, summary)
        SELECT case_study_id, "from", "to", actor_label, summary FROM jsonb_populate_recordset(NULL::workflow_events, ${JSON.stringify(events)}::jsonb)`)
      if (state === 'published') published.push(...inserts.map((row) => idOf.get(row.externalId)!))
    }
    if (updates.length) {
      const rows = updates.map((row) => ({ id: row.id, ...common(row) }))
      const columns = Object.keys(rows[0]!).filter((c) => c !== 'id')
      await db.execute(sql`
        UPDATE case_studies c SET ${sql.raw(columns.map((col) => `"${col}" = x."${col}"`).join(', '))}
        FROM jsonb_populate_recordset(NULL::case_studies, ${JSON.stringify(rows)}::jsonb) x WHERE c.id = x.id`)
      for (const row of updates) {
        written.push(row.id)
        byId.set(row.id, row)
      }
    }

    lap('write: cases, events')
    // texts of the feed's language; other locales (editors' translations) stay
    const localeColumns = ['title', 'teaser', 'summary', ...SECTION_NAMES.map((name) => `sections_${snake(name)}`)]
    const locales = written.map((id) => {
      const row = byId.get(id)!
      return {
        _parent_id: id,
        _locale: row.record.language,
        title: row.record.title,
        teaser: row.record.teaser ?? null,
        summary: row.record.summary ?? null,
        ...Object.fromEntries(SECTION_NAMES.map((name) => [`sections_${snake(name)}`, row.sections[name]])),
      }
    })
    const localeList = sql.raw(['_parent_id', '_locale', ...localeColumns].map((c) => `"${c}"`).join(', '))
    await db.execute(sql`
      INSERT INTO case_studies_locales (${localeList}) SELECT ${localeList} FROM jsonb_populate_recordset(NULL::case_studies_locales, ${JSON.stringify(locales)}::jsonb)
      ON CONFLICT (_locale, _parent_id) DO UPDATE SET ${sql.raw(localeColumns.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', '))}`)

    // relations and texts of updated cases are replaced; new cases have none yet
    if (updates.length) {
      const ids = sql`${`{${updates.map((row) => row.id).join(',')}}`}::int[]`
      await db.execute(sql`DELETE FROM case_studies_rels WHERE parent_id = ANY(${ids}) AND path IN ('cities', 'topics', 'instruments', 'targetGroups', 'sdgs', 'sdgTargets')`)
      await db.execute(sql`DELETE FROM case_studies_texts WHERE parent_id = ANY(${ids}) AND path = 'completeness.missing'`)
    }
    const rels: Array<Record<string, unknown>> = []
    for (const id of written) {
      const order = new Map<string, number>()
      for (const rel of byId.get(id)!.rels) {
        const n = (order.get(rel.path) ?? 0) + 1
        order.set(rel.path, n)
        rels.push({ order: n, parent_id: id, path: rel.path, [rel.column]: rel.column === 'cities_id' ? refs.cities.get(String(rel.id))! : Number(rel.id) })
      }
    }
    if (rels.length) {
      await db.execute(sql`INSERT INTO case_studies_rels ("order", parent_id, path, cities_id, topics_id, sdgs_id, sdg_targets_id)
        SELECT "order", parent_id, path, cities_id, topics_id, sdgs_id, sdg_targets_id FROM jsonb_populate_recordset(NULL::case_studies_rels, ${JSON.stringify(rels)}::jsonb)`)
    }
    const texts = written.flatMap((id) => byId.get(id)!.completeness.missing.map((label, i) => ({ order: i + 1, parent_id: id, path: 'completeness.missing', text: label })))
    if (texts.length) {
      await db.execute(sql`INSERT INTO case_studies_texts ("order", parent_id, path, text)
        SELECT "order", parent_id, path, text FROM jsonb_populate_recordset(NULL::case_studies_texts, ${JSON.stringify(texts)}::jsonb)`)
    }

    lap('write: texts, relations')
    await snapshotVersions(db, written)
    lap('write: versions')
    await refreshSearch(payload, written, req)
    lap('write: search')
    // images are fetched afterwards, outside the transaction (the job has the URLs)
    for (const id of written) {
      const images = byId.get(id)!.record.images
      if (images.length) await payload.jobs.queue({ task: 'fetchFeedImages', input: { caseStudy: id, images, ...(options.importId ? { importId: options.importId } : {}) }, req })
    }
    // what the workflow's hook queues on publication, for the cases this batch published
    for (const id of published) {
      await payload.jobs.queue({ task: 'matchAlerts', input: { caseStudy: id }, req })
    }
    await commitTransaction(req)
    lap('write: jobs, commit')
    report.counts.created += inserts.length
    report.counts.updated += updates.length
    report.publishedIds.push(...published)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

/**
 * The batch's unknown cities, created before the batch in a transaction of their own: batches
 * run two at a time, and each must refer only to committed cities. A city whose batch fails later
 * stays (it is a correct city; the next run uses it).
 */
async function ensureCities(payload: Payload, refs: References, rows: Prepared[], report: ImportReport) {
  const missing = new Map<string, { key: string; name: string; country: string }>()
  for (const row of rows) for (const city of row.cities) if (!refs.cities.has(city.key) && !missing.has(city.key)) missing.set(city.key, city)
  if (!missing.size) return
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const created = await createCities(await dbFor(payload, req), [...missing.values()])
    await commitTransaction(req)
    for (const city of created) refs.cities.set(`${nameKey(city.name)}|${city.country}`, city.id!)
    report.createdCities.push(...created)
    report.counts.citiesCreated = report.createdCities.length
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

/** A unique index refused a row (drizzle wraps the driver's error). */
const isUniqueViolation = (err: unknown): boolean => {
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) if (e.code === '23505') return true
  return false
}

/** Slugs from titles, unique among all cases (a partner's hash suffix when a title is taken). */
async function uniqueSlugs(db: Awaited<ReturnType<typeof dbFor>>, partner: PartnerInfo, rows: Prepared[]): Promise<Map<string, string>> {
  const short = (row: Prepared, n = 8) => createHash('sha256').update(`${partner.id}:${row.externalId}`).digest('hex').slice(0, n)
  const candidates = rows.map((row) => {
    const base = slugify(row.record.title, 100) || 'case'
    return { row, base, fallback: `${base.slice(0, 90)}-${short(row)}`, last: `${base.slice(0, 80)}-${short(row, 16)}` }
  })
  const all = candidates.flatMap((c) => [c.base, c.fallback, c.last])
  const { rows: taken } = await db.execute(sql`SELECT slug FROM case_studies WHERE slug IN (SELECT jsonb_array_elements_text(${JSON.stringify(all)}::jsonb))`)
  const used = new Set(taken.map((row) => String(row.slug)))
  const result = new Map<string, string>()
  for (const c of candidates) {
    const slug = [c.base, c.fallback, c.last].find((s) => !used.has(s)) ?? `${c.base.slice(0, 70)}-${short(c.row, 32)}`
    used.add(slug)
    result.set(c.row.externalId, slug)
  }
  return result
}

/**
 * New cities in one statement each for the cities and their names, doing what the Cities hooks
 * do (UN M49 region from the country, the accent-free matching key, a unique slug). The unique
 * (nameKey, country) index would refuse a duplicate, so a city is never created twice.
 */
async function createCities(db: Awaited<ReturnType<typeof dbFor>>, cities: Array<{ key: string; name: string; country: string }>): Promise<ImportReport['createdCities']> {
  if (!cities.length) return []
  const candidates = cities.map((city) => {
    const base = slugify(city.name) || 'city'
    return { city, options: [base, `${base}-${city.country.toLowerCase()}`, `${base}-${city.country.toLowerCase()}-${createHash('sha256').update(city.key).digest('hex').slice(0, 8)}`] }
  })
  const { rows: taken } = await db.execute(sql`SELECT slug FROM cities WHERE slug IN (SELECT jsonb_array_elements_text(${JSON.stringify(candidates.flatMap((c) => c.options))}::jsonb))`)
  const used = new Set(taken.map((row) => String(row.slug)))
  const now = new Date().toISOString()
  const rows = candidates.map(({ city, options }) => {
    const slug = options.find((option) => !used.has(option)) ?? `${options[2]}-${Date.now().toString(36)}`
    used.add(slug)
    const { region, subRegion } = regionOf(city.country)
    // a draft: an editor checks and publishes a city a feed brought (collections/Cities.ts)
    return { slug, country: city.country, region, sub_region: subRegion, name_key: city.key.split('|')[0], _status: 'draft', created_at: now, updated_at: now }
  })
  const { rows: created } = await db.execute(sql`
    INSERT INTO cities (slug, country, region, sub_region, name_key, _status, created_at, updated_at)
    SELECT slug, country, region, sub_region, name_key, _status, created_at, updated_at FROM jsonb_populate_recordset(NULL::cities, ${JSON.stringify(rows)}::jsonb)
    RETURNING id, slug`)
  const idOf = new Map(created.map((row) => [String(row.slug), Number(row.id)]))
  const names = cities.map((city, i) => ({ _parent_id: idOf.get(rows[i]!.slug)!, _locale: 'en', name: city.name }))
  await db.execute(sql`INSERT INTO cities_locales (_parent_id, _locale, name) SELECT _parent_id, _locale, name FROM jsonb_populate_recordset(NULL::cities_locales, ${JSON.stringify(names)}::jsonb)`)
  await snapshotVersions(db, created.map((row) => Number(row.id)), 'cities')
  return cities.map((city, i) => ({ id: idOf.get(rows[i]!.slug)!, name: city.name, country: city.country }))
}
