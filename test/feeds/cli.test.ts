import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { startTestApp, type TestApp } from '../support/harness'
import { feedRecord, toCsv } from './helpers'

/**
 * `npm run import` as an operator runs it (a child process on this file's database): summary
 * and exit codes, dry run, a malformed file, CSV and JSON alike, and a run killed half-way that
 * leaves only whole cases and is completed by the next run.
 */
let app: TestApp
let dir: string
let topic: string
let partnerId: number
const PARTNER = 'giz'

const sql = async (text: string, values?: unknown[]) => (await app.sql(text, values)).rows
const count = async (table: string, where = 'true') => Number((await sql(`SELECT count(*) FROM ${table} WHERE ${where}`))[0].count)

function cli(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/cli/import.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', JOBS_WORKER: 'false' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  )
  return { child, done }
}

async function feedFile(name: string, content: string) {
  const file = path.join(dir, name)
  await writeFile(file, content)
  return file
}

beforeAll(async () => {
  app = await startTestApp()
  dir = await mkdtemp(path.join(os.tmpdir(), 'use-feed-cli-'))
  topic = (await sql(`SELECT slug FROM topics WHERE scheme = 'topic' ORDER BY id LIMIT 1`))[0].slug
  partnerId = Number((await sql(`SELECT id FROM partners WHERE slug = $1`, [PARTNER]))[0].id)
}, 180_000)
afterAll(async () => {
  await app?.close()
  await rm(dir, { recursive: true, force: true })
})

test('usage errors, an unknown partner and a malformed file: exit 1, nothing written', async () => {
  const before = await count('imports')
  expect((await cli([]).done).code).toBe(1)
  const good = await feedFile('good.json', JSON.stringify([feedRecord('c1', topic)]))
  const unknown = await cli(['--partner', 'nobody-at-all', good]).done
  expect(unknown.code).toBe(1)
  expect(unknown.stderr).toContain('Unknown partner "nobody-at-all"')
  const broken = await feedFile('broken.json', `[${JSON.stringify(feedRecord('c1', topic))},`)
  const malformed = await cli(['--partner', PARTNER, broken]).done
  expect(malformed.code).toBe(1)
  expect(malformed.stderr).toContain('Malformed feed')
  expect(await count('imports')).toBe(before)
  expect(await count('case_studies', `provenance_source_partner_id = ${partnerId}`)).toBe(0)
}, 120_000)

test('--dry-run reports and writes nothing; the import prints its summary; CSV after JSON changes nothing', async () => {
  const records = [feedRecord('c1', topic, { cities: [{ name: 'Clitown', country: 'FR' }] }), feedRecord('c2', topic), { externalId: 'c3', title: 'No' }]
  const json = await feedFile('feed.json', JSON.stringify(records))
  const state = async () => [await count('case_studies'), await count('cities'), await count('imports'), await count('workflow_events')]
  const before = await state()
  const dry = await cli(['--partner', PARTNER, json, '--dry-run']).done
  expect(dry.code).toBe(2)
  expect(dry.stdout).toContain('Dry run (nothing written)')
  expect(dry.stdout).toMatch(/would create\s+2/)
  expect(dry.stdout).toContain('record 2 (c3): title: at least 3 characters')
  expect(await state()).toEqual(before)

  const run = await cli(['--partner', PARTNER, json]).done
  expect(run.code).toBe(2)
  expect(run.stdout).toMatch(/created\s+2/)
  expect(run.stdout).toMatch(/new cities\s+\d+ \(.*Clitown \(FR\)/)
  const log = (await sql(`SELECT status, started_by, counts_created, counts_invalid FROM imports ORDER BY id DESC LIMIT 1`))[0]
  expect(log).toMatchObject({ status: 'completed', counts_created: '2', counts_invalid: '1' })
  expect(log.started_by).toMatch(/^CLI/)

  const csv = await feedFile('feed.csv', toCsv(records.slice(0, 2) as never))
  const again = await cli(['--partner', PARTNER, csv]).done
  expect({ code: again.code, out: again.stdout }).toMatchObject({ code: 0, out: expect.stringMatching(/unchanged\s+2/) })
}, 120_000)

test('an import killed half-way leaves only whole cases, and the next run completes the rest', async () => {
  const N = 4000
  const records = Array.from({ length: N }, (_, i) => feedRecord(`k${i}`, topic, { cities: [{ name: 'Paris', country: 'FR' }] }))
  const file = await feedFile('big.json', JSON.stringify(records))
  const ours = `provenance_source_partner_id = ${partnerId} AND provenance_external_id LIKE 'ext-k%'`
  const { child, done } = cli(['--partner', PARTNER, file, '--batch-size', '100'])
  let seen = 0
  for (let i = 0; i < 1200 && seen < 300; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    seen = await count('case_studies', ours)
  }
  child.kill('SIGKILL')
  const killed = await done
  expect(killed.signal).toBe('SIGKILL')
  const stored = await count('case_studies', ours)
  expect(stored).toBeGreaterThan(0)
  expect(stored).toBeLessThan(N)
  // whole batches only, and every case whole: texts, relations, latest version, search row, audit event
  expect(stored % 100).toBe(0)
  const incomplete = await sql(`SELECT c.id FROM case_studies c WHERE ${ours} AND (
    NOT EXISTS (SELECT 1 FROM case_studies_locales l WHERE l._parent_id = c.id AND l.title IS NOT NULL)
    OR NOT EXISTS (SELECT 1 FROM case_studies_rels r WHERE r.parent_id = c.id AND r.path = 'cities')
    OR NOT EXISTS (SELECT 1 FROM _case_studies_v v WHERE v.parent_id = c.id AND v.latest)
    OR NOT EXISTS (SELECT 1 FROM case_study_search s WHERE s.case_study_id = c.id)
    OR NOT EXISTS (SELECT 1 FROM workflow_events w WHERE w.case_study_id = c.id))`)
  expect(incomplete).toEqual([])

  const rerun = await cli(['--partner', PARTNER, file]).done
  expect(rerun.code).toBe(0)
  expect(rerun.stdout).toMatch(new RegExp(`created\\s+${N - stored}\\b`))
  expect(rerun.stdout).toMatch(new RegExp(`unchanged\\s+${stored}\\b`))
  expect(await count('case_studies', ours)).toBe(N)
  expect(await count('_case_studies_v', `latest AND parent_id IN (SELECT id FROM case_studies WHERE ${ours})`)).toBe(N)
}, 300_000)
