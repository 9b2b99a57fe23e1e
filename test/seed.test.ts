import { seed } from '../seed/index'
import { startTestApp, type TestApp } from './support/harness'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

const TABLES = ['sdgs', 'sdgs_locales', 'sdg_targets', 'sdg_targets_locales', 'sdg_indicators', 'sdg_indicators_locales', 'topics', 'topics_locales', 'partners', 'awards', 'cities', 'cities_locales', 'citymakers', 'case_studies', 'case_studies_locales', '_case_studies_v', 'articles']

async function snapshot() {
  const state: Record<string, { count: number; updated: string | null }> = {}
  for (const table of TABLES) {
    const hasUpdatedAt = !table.endsWith('_locales')
    const { rows } = await app.sql(`SELECT count(*)::int AS count${hasUpdatedAt ? ', max(updated_at)::text AS updated' : ', NULL AS updated'} FROM "${table}"`)
    state[table] = rows[0]
  }
  return state
}

describe('seed', () => {
  test('reference data is complete: 17 goals, 169 targets, the indicators, in four locales', async () => {
    const { rows } = await app.sql(`
      SELECT (SELECT count(*) FROM sdgs)::int AS goals, (SELECT count(*) FROM sdg_targets)::int AS targets,
             (SELECT count(*) FROM sdg_indicators)::int AS indicators,
             (SELECT count(DISTINCT _locale) FROM sdg_targets_locales)::int AS locales`)
    expect(rows[0]).toMatchObject({ goals: 17, targets: 169, locales: 4 })
    expect(rows[0].indicators).toBeGreaterThan(200)
    const target = await app.payload.find({ collection: 'sdg-targets', where: { code: { equals: '11.2' } }, locale: 'es', depth: 1 })
    expect(target.docs[0]!.text).toMatch(/^De aquí a 2030, proporcionar acceso a sistemas de transporte/)
    expect((target.docs[0]!.goal as { number: number }).number).toBe(11)
  })

  test('running the seed twice (with demo content) changes nothing the second time: same counts, same updatedAt', async () => {
    const logs: string[] = []
    await seed(app.payload, { demo: true, log: (m) => logs.push(m) })
    const first = await snapshot()
    expect(first.case_studies!.count).toBe(30)
    expect(first.cities!.count).toBeGreaterThanOrEqual(40)
    expect(first.citymakers!.count).toBe(20)

    const second: string[] = []
    await seed(app.payload, { demo: true, log: (m) => second.push(m) })
    expect(await snapshot()).toEqual(first)
    for (const line of second.filter((l) => /created,/.test(l))) expect(line).toMatch(/0 created, 0 updated/)
  })

  test('a changed reference text is written on the next run and only that record changes', async () => {
    await app.sql(`UPDATE sdgs_locales SET short_title = 'Tampered' WHERE _locale = 'de' AND _parent_id = (SELECT id FROM sdgs WHERE number = 7)`)
    const before = await snapshot()
    const logs: string[] = []
    await seed(app.payload, { demo: false, log: (m) => logs.push(m) })
    expect(logs.find((l) => l.includes('SDGs:'))).toMatch(/0 created, 1 updated, 16 unchanged/)
    const { rows } = await app.sql(`SELECT short_title FROM sdgs_locales WHERE _locale = 'de' AND _parent_id = (SELECT id FROM sdgs WHERE number = 7)`)
    expect(rows[0].short_title).toBe('Bezahlbare und saubere Energie')
    const after = await snapshot()
    expect(after.sdg_targets).toEqual(before.sdg_targets)
    expect(after.sdgs!.updated! > before.sdgs!.updated!).toBe(true)
  })
})
