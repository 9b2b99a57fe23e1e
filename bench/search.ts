/**
 * Search at scale: `npm run bench:search`.
 *
 * On a fresh database (a temporary embedded PostgreSQL by default, or a new `use_bench_*` database
 * on the server of DATABASE_URL) with migrations and reference data: BENCH_CASES (default 20000)
 * published cases inserted with SQL (title, summary, cities, topics, SDGs, status, years), their
 * search rows built with one `refreshSearchSql`. Then a fixed mix of queries runs BENCH_RUNS times
 * through `searchCaseStudies` (results + all 10 facets) and, beside it, as a hand-written SQL of
 * the result page only; p50/p95 of both are printed. Everything it created is dropped at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { benchDatabase } from './database'
import { startPayload } from '../src/lib/boot'
import { closePayload } from '../src/lib/close'
import { randomSuffix } from '../src/lib/embedded-postgres'
import { loadDotEnv } from '../src/lib/runtime'
import { refreshSearchSql, searchCaseStudies, toTsQuery, type SearchParams } from '../src/lib/search'
import { dbFor, sql } from '../src/lib/sql'
import { seed } from '../seed/index'

const CASES = Number(process.env.BENCH_CASES ?? 20_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const log = (message: string) => console.log(message)
const since = (start: number) => performance.now() - start
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!

loadDotEnv()
const external = process.env.DATABASE_URL
const cleanup: Array<() => Promise<unknown>> = []
let exitCode = 0

const WORDS = ['green', 'roof', 'bus', 'rapid', 'transit', 'mangrove', 'cycling', 'housing', 'energy', 'solar', 'water', 'park', 'school', 'market', 'waste', 'compost', 'tram', 'street', 'tree', 'river']

async function main() {
  const { databaseUrl } = await benchDatabase(cleanup)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'use-bench-data-'))
  cleanup.unshift(() => rm(dataDir, { recursive: true, force: true }))
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    SERVER_URL: 'http://localhost:3000',
    PAYLOAD_SECRET: `bench-${randomSuffix()}${randomSuffix()}${randomSuffix()}${randomSuffix()}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  })
  const payload = await startPayload()
  cleanup.unshift(() => closePayload(payload))
  await seed(payload, { demo: false, log: () => {} })
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  cleanup.unshift(() => client.end())

  const countries = ['BR', 'DE', 'FR', 'ES', 'KE', 'IN', 'CO', 'NL', 'US', 'JP']
  const cities: number[] = []
  for (let i = 0; i < 40; i++) cities.push((await payload.create({ collection: 'cities', data: { name: `Benchcity ${i} São`, country: countries[i % countries.length] } as never })).id as number)
  log(`Search benchmark: ${CASES.toLocaleString('en-US')} published cases (BENCH_CASES), ${RUNS} runs per query (BENCH_RUNS)`)

  let started = performance.now()
  const w = `(ARRAY[${WORDS.map((x) => `'${x}'`).join(',')}])`
  await client.query('BEGIN')
  await client.query(`
    CREATE TEMP TABLE bench_ids AS
    WITH ins AS (
      INSERT INTO case_studies (workflow_state, _status, project_status, start_year, end_year, original_language, slug, updated_at)
      SELECT 'published', 'published', (ARRAY['planned','ongoing','completed'])[1 + g % 3]::enum_case_studies_project_status,
        1990 + g % 35, CASE WHEN g % 3 = 2 THEN 1995 + g % 30 END, (ARRAY['en','de','fr','es'])[1 + g % 4]::enum_case_studies_original_language,
        'bench-' || g, now() - (g || ' minutes')::interval
      FROM generate_series(1, ${CASES}) g RETURNING id)
    SELECT id, row_number() OVER (ORDER BY id) AS g FROM ins`)
  await client.query(`
    INSERT INTO case_studies_locales (title, summary, _locale, _parent_id)
    SELECT initcap(${w}[1 + g % 20] || ' ' || ${w}[1 + (g / 20) % 20] || ' ' || ${w}[1 + (g / 400) % 20]) || ' ' || g,
      'A project about ' || ${w}[1 + (g / 7) % 20] || ' and ' || ${w}[1 + (g / 3) % 20] || ' in the neighbourhood.', 'en', id FROM bench_ids`)
  await client.query(`INSERT INTO case_studies_rels ("order", parent_id, path, cities_id) SELECT 1, id, 'cities', (ARRAY[${cities.join(',')}])[1 + g % ${cities.length}] FROM bench_ids`)
  await client.query(`INSERT INTO case_studies_rels ("order", parent_id, path, topics_id) SELECT 1, b.id, 'topics', t.id FROM bench_ids b
    JOIN LATERAL (SELECT id FROM topics WHERE scheme = 'topic' ORDER BY id OFFSET (b.g % 10) LIMIT 1) t ON TRUE`)
  await client.query(`INSERT INTO case_studies_rels ("order", parent_id, path, sdgs_id) SELECT 1, b.id, 'sdgs', s.id FROM bench_ids b
    JOIN sdgs s ON s.number = 1 + b.g % 17 OR s.number = 11`)
  await client.query('COMMIT')
  log(`  cases inserted with SQL in ${(since(started) / 1000).toFixed(1)} s`)
  started = performance.now()
  const db = await dbFor(payload)
  await db.execute(refreshSearchSql(sql`TRUE`))
  await client.query('ANALYZE')
  log(`  search rows built in ${(since(started) / 1000).toFixed(1)} s`)

  const mix: Array<[string, SearchParams]> = [
    ['q=bus rapid', { q: 'bus rapid', filters: {}, sort: 'relevance', page: 1, limit: 20 }],
    ['q=sao (prefix, many hits)', { q: 'sao', filters: {}, sort: 'relevance', page: 1, limit: 20 }],
    ['sdg=11,13&country=BR', { filters: { sdg: ['11', '13'], country: ['BR'] }, sort: 'newest', page: 1, limit: 20 }],
    ['q=green roof&status=completed&yearFrom=2000', { q: 'green roof', filters: { status: ['completed'] }, yearFrom: 2000, sort: 'relevance', page: 1, limit: 20 }],
    ['no filter, newest, page 5', { filters: {}, sort: 'newest', page: 5, limit: 20 }],
  ]
  const hand = (p: SearchParams) => {
    const tsq = p.q ? toTsQuery(p.q) : null
    return client.query(
      `SELECT c.id, l.title ${tsq ? `, ts_rank_cd(s.document, to_tsquery('simple', $1)) AS rank` : ''}, count(*) OVER () AS total
       FROM case_studies c ${tsq ? `JOIN case_study_search s ON s.case_study_id = c.id AND s.published AND s.document @@ to_tsquery('simple', $1)` : ''}
       LEFT JOIN case_studies_locales l ON l._parent_id = c.id AND l._locale = 'en'
       WHERE c._status = 'published' AND c.workflow_state = 'published'
       ${p.filters.status ? `AND c.project_status::text = ANY('{${p.filters.status.join(',')}}')` : ''}
       ${p.yearFrom ? `AND coalesce(c.end_year, c.start_year, 9999) >= ${p.yearFrom}` : ''}
       ${p.filters.sdg ? `AND c.id IN (SELECT r.parent_id FROM case_studies_rels r JOIN sdgs g ON g.id = r.sdgs_id WHERE r.path = 'sdgs' AND g.number IN (${p.filters.sdg.join(',')}))` : ''}
       ${p.filters.country ? `AND c.id IN (SELECT r.parent_id FROM case_studies_rels r JOIN cities ci ON ci.id = r.cities_id WHERE r.path = 'cities' AND ci.country::text IN (${p.filters.country.map((x) => `'${x}'`).join(',')}))` : ''}
       ORDER BY ${tsq ? 'rank DESC,' : ''} c.updated_at DESC, c.id DESC LIMIT ${p.limit} OFFSET ${(p.page - 1) * p.limit}`,
      tsq ? [tsq] : [],
    )
  }
  log('  query                                        | hits   | endpoint p50 / p95 (results + 10 facets) | hand SQL p50 / p95 (results only)')
  for (const [name, params] of mix) {
    const a: number[] = []
    const b: number[] = []
    let hits = 0
    for (let run = 0; run < RUNS + 2; run++) {
      let t = performance.now()
      const result = await searchCaseStudies(payload, params)
      const ta = since(t)
      t = performance.now()
      await hand(params)
      const tb = since(t)
      hits = result.totalDocs
      if (run >= 2) (a.push(ta), b.push(tb))
    }
    log(`  ${name.padEnd(44)} | ${String(hits).padStart(6)} | ${pct(a, 50).toFixed(1).padStart(7)} / ${pct(a, 95).toFixed(1).padStart(7)} ms                  | ${pct(b, 50).toFixed(1).padStart(6)} / ${pct(b, 95).toFixed(1).padStart(6)} ms`)
  }
}

try {
  await main()
} catch (err) {
  console.error(err)
  exitCode = 1
} finally {
  for (const step of cleanup) await step().catch((err) => console.error(`cleanup: ${(err as Error).message}`))
}
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
process.exit(exitCode)
