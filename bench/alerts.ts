/**
 * Alerts at scale: `npm run bench:alerts`.
 *
 * On a fresh database (a temporary embedded PostgreSQL by default, or a new `use_bench_*` database
 * on the server of DATABASE_URL) with the migrations and reference data: 50,000 activated members
 * inserted with SQL, 5,000 of them subscribed to something the case is about (a topic, an SDG, its
 * city or its country), the rest subscribed to other things or switched off. One case is published
 * through Payload; the bench prints the time from the publish call to the deliveries enqueued by
 * `matchAlerts` (goal: under 2 s), how many members matched, and the throughput of a few
 * `sendAlertBatch` batches to a local SMTP sink. Everything it created is dropped at the end.
 *
 * Options (environment): BENCH_MEMBERS (50000), BENCH_MATCHING (5000), BENCH_BATCHES (5),
 * BENCH_SMTP_POOL=1 (send over nodemailer's pooled transport, `SMTP_URL=…?pool=true`).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { Payload } from 'payload'

import { startSmtp } from '../test/support/smtp'
import { benchDatabase, runBenchmark } from './database'
import { startPayload } from '../src/lib/boot'
import { closePayload } from '../src/lib/close'
import { randomSuffix } from '../src/lib/embedded-postgres'
import { loadDotEnv } from '../src/lib/runtime'
import { seed } from '../seed/index'
import { ALERT_BATCH_SIZE } from '../src/jobs/alerts'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 50_000)
const MATCHING = Number(process.env.BENCH_MATCHING ?? 5_000)
const BATCHES = Number(process.env.BENCH_BATCHES ?? 5)
const POOL = ['1', 'true', 'yes'].includes(process.env.BENCH_SMTP_POOL ?? '')
const GOAL_MS = 2_000

const n = (value: number) => value.toLocaleString('en-US')
const ms = (value: number) => `${Math.round(value)} ms`
const since = (start: number) => performance.now() - start
const log = (message: string) => console.log(message)

loadDotEnv()
const external = process.env.DATABASE_URL
const cleanup: Array<() => Promise<unknown>> = []
let exitCode = 0

async function main() {
  const benchStart = performance.now()
  // 1. a fresh database
  const { databaseUrl, where } = await benchDatabase(cleanup)

  const smtp = await startSmtp()
  cleanup.unshift(() => smtp.close())
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'use-bench-data-'))
  cleanup.unshift(() => rm(dataDir, { recursive: true, force: true }))
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    SMTP_URL: POOL ? `${smtp.url}?pool=true&maxConnections=8` : smtp.url,
    SERVER_URL: 'http://localhost:3000',
    PAYLOAD_SECRET: `bench-${randomSuffix()}${randomSuffix()}${randomSuffix()}${randomSuffix()}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  })

  let started = performance.now()
  const payload = await startPayload()
  cleanup.unshift(() => closePayload(payload))
  await seed(payload, { demo: false, log: () => {} })
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  cleanup.unshift(() => client.end())
  const version = (await client.query('SHOW server_version')).rows[0].server_version as string
  log(`Alerts benchmark on the ${where} (PostgreSQL ${version})`)
  log(`  fresh database migrated and seeded in ${(since(started) / 1000).toFixed(1)} s`)

  // 2. the places and the reference data the case is about, and what it is not about
  const cities = await createCities(payload)
  const topics = (await client.query(`SELECT id FROM topics WHERE scheme = 'topic' ORDER BY id`)).rows.map((r) => r.id as number)
  const sdgs = (await client.query(`SELECT id FROM sdgs ORDER BY number`)).rows.map((r) => r.id as number)
  const [topic, ...otherTopics] = topics
  const [sdg, ...otherSdgs] = sdgs
  const [city, ...otherCities] = cities

  // 3. the members, in SQL
  started = performance.now()
  await insertMembers(client, { topic: topic!, otherTopics, sdg: sdg!, otherSdgs, city: city!.id, otherCities })
  log(`  ${n(MEMBERS)} activated members inserted with SQL in ${(since(started) / 1000).toFixed(1)} s: ${n(MATCHING)} subscribed to the case's topic, SDG, city or country; ${n(Math.round((MEMBERS - MATCHING) * 0.6))} to other things; the rest off`)

  // 4. publish one case through Payload and match
  const author = (await client.query(`SELECT id FROM citymakers ORDER BY id DESC LIMIT 1`)).rows[0].id as number
  const draft = await payload.create({
    collection: 'case-studies',
    data: { title: 'Solar cooperatives on Freiburg school roofs', summary: 'Parents and pupils own the panels.', topics: [topic], sdgs: [sdg], cities: [city!.id], author, workflowState: 'draft' } as never,
    depth: 0,
  })
  const publishStart = performance.now()
  await payload.update({ collection: 'case-studies', id: draft.id, data: { workflowState: 'published' }, depth: 0 })
  const publishMs = since(publishStart)
  const matchStart = performance.now()
  await payload.jobs.run({ where: { taskSlug: { equals: 'matchAlerts' } }, limit: 1 })
  const matchMs = since(matchStart)
  const totalMs = since(publishStart)
  const counts = (
    await client.query(`SELECT count(*)::int AS all, count(*) FILTER (WHERE frequency = 'immediate')::int AS immediate, count(*) FILTER (WHERE frequency = 'weekly')::int AS weekly FROM alert_deliveries WHERE case_study_id = $1`, [draft.id])
  ).rows[0] as { all: number; immediate: number; weekly: number }
  log(`  publish → deliveries enqueued: ${ms(totalMs)} (publish ${ms(publishMs)} + matchAlerts job ${ms(matchMs)}); goal < ${ms(GOAL_MS)}: ${totalMs < GOAL_MS ? 'met' : 'MISSED'}`)
  log(`  matched: ${n(counts.all)} members (${n(counts.immediate)} immediate, ${n(counts.weekly)} weekly); expected ${n(MATCHING)}`)
  if (counts.all !== MATCHING || totalMs >= GOAL_MS) exitCode = 1

  // 5. a few batches of immediate alerts to the SMTP sink
  const sendStart = performance.now()
  const perBatch: number[] = []
  for (let batch = 0; batch < BATCHES; batch++) {
    const before = smtp.received.length
    const result = await payload.jobs.run({ where: { taskSlug: { equals: 'sendAlertBatch' } }, limit: 1 })
    if (result.noJobsRemaining) break
    perBatch.push(smtp.received.length - before)
  }
  const sendMs = since(sendStart)
  const sent = smtp.received.filter((mail) => mail.subject.startsWith('New case study:')).length
  const pending = (await client.query(`SELECT count(*)::int AS n FROM alert_deliveries WHERE status = 'pending' AND frequency = 'immediate'`)).rows[0].n as number
  log(`  sending: ${perBatch.length} batches of up to ${ALERT_BATCH_SIZE} (${perBatch.join(', ')} mails), ${n(sent)} alert mails to the SMTP sink (${POOL ? 'pooled connections' : 'a connection per mail'}) in ${(sendMs / 1000).toFixed(2)} s = ${n(Math.round(sent / (sendMs / 1000)))} mails/s; ${n(pending)} immediate alerts still pending for the next batches`)
  const sample = smtp.received.find((mail) => mail.subject.startsWith('New case study:'))
  if (!sample || !/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m.test(sample.raw)) {
    log('  the alert mails lack the one-click unsubscribe header')
    exitCode = 1
  }
  log(`  total bench time ${(since(benchStart) / 1000).toFixed(1)} s (cleaning up: dropping the database${external ? '' : ' and the temporary server'})`)
}

async function createCities(payload: Payload) {
  const places: Array<[string, string]> = [
    ['Freiburg im Breisgau', 'DE'], ['Lyon', 'FR'], ['Osaka', 'JP'], ['Nairobi', 'KE'], ['Curitiba', 'BR'], ['Portland', 'US'],
    ['Melbourne', 'AU'], ['Pune', 'IN'], ['Medellín', 'CO'], ['Accra', 'GH'], ['Seoul', 'KR'], ['Monterrey', 'MX'],
  ]
  const cities: Array<{ id: number; country: string }> = []
  for (const [name, country] of places) {
    const doc = await payload.create({ collection: 'cities', data: { name, country } as never, depth: 0 })
    cities.push({ id: doc.id as number, country })
  }
  return cities
}

type Fixtures = { topic: number; otherTopics: number[]; sdg: number; otherSdgs: number[]; city: number; otherCities: Array<{ id: number; country: string }> }

/**
 * Members 1…MATCHING match the case, a quarter each by topic, SDG, city and country (one in five
 * weekly), and follow some other topic too. Of the others, 60 % subscribe to other topics, SDGs,
 * cities, countries and regions (outside Europe); the rest are off, half of them with the case's
 * topic chosen (off wins). Everyone has expertise topics (the same relation table, another path).
 */
async function insertMembers(client: pg.Client, f: Fixtures) {
  const others = MATCHING + Math.round((MEMBERS - MATCHING) * 0.6)
  await client.query('BEGIN')
  await client.query(
    `INSERT INTO citymakers (display_name, email, _verified, alerts_frequency, profile_visibility, account_type, category, updated_at, created_at)
     SELECT 'Bench member ' || g, 'member-' || g || '@bench.use.invalid', true,
       (CASE WHEN g <= $2 THEN (CASE WHEN g % 5 = 0 THEN 'weekly' ELSE 'immediate' END)
             WHEN g <= $3 THEN (CASE WHEN g % 3 = 0 THEN 'weekly' ELSE 'immediate' END)
             ELSE 'off' END)::enum_citymakers_alerts_frequency,
       'community', 'person', 'practitioner', now(), now()
     FROM generate_series(1, $1::int) g`,
    [MEMBERS, MATCHING, others],
  )
  await client.query(`CREATE TEMP TABLE bench_member ON COMMIT DROP AS SELECT id, row_number() OVER (ORDER BY id)::int AS g FROM citymakers WHERE email LIKE '%@bench.use.invalid'`)
  await client.query(`INSERT INTO citymakers_roles ("order", parent_id, value) SELECT 1, id, 'citymaker' FROM bench_member`)
  const arr = (values: number[]) => `ARRAY[${values.join(',')}]::int[]`
  const pick = (values: number[], expr: string) => `(${arr(values)})[1 + (${expr}) % ${values.length}]`
  // relationships: path, column, and the members and values
  await client.query(`
    INSERT INTO citymakers_rels ("order", parent_id, path, topics_id, sdgs_id, cities_id)
    SELECT 1, id, 'alerts.topics', ${f.topic}, NULL::int, NULL::int FROM bench_member WHERE g <= ${MATCHING} AND g % 4 = 0
    UNION ALL SELECT 1, id, 'alerts.sdgs', NULL, ${f.sdg}, NULL FROM bench_member WHERE g <= ${MATCHING} AND g % 4 = 1
    UNION ALL SELECT 1, id, 'alerts.cities', NULL, NULL, ${f.city} FROM bench_member WHERE g <= ${MATCHING} AND g % 4 = 2
    UNION ALL SELECT 2, id, 'alerts.topics', ${pick(f.otherTopics, 'g')}, NULL, NULL FROM bench_member WHERE g <= ${others}
    UNION ALL SELECT 1, id, 'alerts.sdgs', NULL, ${pick(f.otherSdgs, 'g')}, NULL FROM bench_member WHERE g > ${MATCHING} AND g <= ${others} AND g % 2 = 0
    UNION ALL SELECT 1, id, 'alerts.cities', NULL, NULL, ${pick(f.otherCities.map((c) => c.id), 'g')} FROM bench_member WHERE g > ${MATCHING} AND g <= ${others} AND g % 3 = 0
    UNION ALL SELECT 1, id, 'alerts.topics', ${f.topic}, NULL, NULL FROM bench_member WHERE g > ${others} AND g % 2 = 0
    UNION ALL SELECT 1, id, 'expertiseTopics', ${pick([f.topic, ...f.otherTopics], 'g')}, NULL, NULL FROM bench_member
    UNION ALL SELECT 2, id, 'expertiseTopics', ${pick(f.otherTopics, 'g * 7')}, NULL, NULL FROM bench_member
    UNION ALL SELECT 1, id, 'sdgInterests', NULL, ${pick([f.sdg, ...f.otherSdgs], 'g')}, NULL FROM bench_member`)
  const otherCountries = [...new Set(f.otherCities.map((c) => c.country).filter((c) => c !== 'DE'))]
  await client.query(`
    INSERT INTO citymakers_alerts_countries ("order", parent_id, value)
    SELECT 1, id, 'DE'::enum_citymakers_alerts_countries FROM bench_member WHERE g <= ${MATCHING} AND g % 4 = 3
    UNION ALL SELECT 1, id, (ARRAY[${otherCountries.map((c) => `'${c}'`).join(',')}])[1 + g % ${otherCountries.length}]::enum_citymakers_alerts_countries
      FROM bench_member WHERE g > ${MATCHING} AND g <= ${others} AND g % 5 = 0`)
  // Africa, Asia, the Americas, Oceania: none of them holds Germany
  const regions = ['m49-002', 'm49-142', 'm49-019', 'm49-009', 'm49-030', 'm49-005']
  await client.query(`
    INSERT INTO citymakers_alerts_regions ("order", parent_id, value)
    SELECT 1, id, (ARRAY[${regions.map((r) => `'${r}'`).join(',')}])[1 + g % ${regions.length}]::enum_citymakers_alerts_regions
    FROM bench_member WHERE g > ${MATCHING} AND g <= ${others} AND g % 7 = 0`)
  await client.query('COMMIT')
  await client.query('ANALYZE citymakers; ANALYZE citymakers_rels; ANALYZE citymakers_alerts_countries; ANALYZE citymakers_alerts_regions')
}

// main sets exitCode when the figures miss their goal
await runBenchmark(async () => {
  await main()
  return exitCode
}, cleanup)
