import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { migrations } from '../src/migrations/index'
import { fromRoot } from '../src/lib/paths'
import { startTestApp, type TestApp } from './support/harness'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('migrations', () => {
  test('every committed migration is listed in src/migrations/index.ts and has run', async () => {
    const files = readdirSync(fromRoot('src/migrations')).filter((f) => /^\d{8}_\d{6}_.+\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, ''))
    expect(migrations.map((m) => m.name).sort()).toEqual(files.sort())
    const { rows } = await app.sql('SELECT name FROM payload_migrations WHERE batch > 0 ORDER BY name')
    expect(rows.map((r) => r.name)).toEqual(files.sort())
  })

  test('the config has no schema change that a new migration would have to capture (no drift)', async () => {
    // What `payload migrate:create` does to decide "no changes": diff the config's schema against
    // the snapshot of the newest migration.
    const db = app.payload.db as unknown as {
      schema: unknown
      requireDrizzleKit: () => {
        generateDrizzleJson: (schema: unknown) => Promise<{ version: string }> | { version: string }
        generateMigration: (before: unknown, after: unknown) => Promise<string[]>
        upSnapshot?: (snapshot: unknown) => unknown
      }
    }
    const kit = db.requireDrizzleKit()
    const after = await kit.generateDrizzleJson(db.schema)
    const snapshots = readdirSync(fromRoot('src/migrations')).filter((f) => f.endsWith('.json')).sort()
    let before = JSON.parse(readFileSync(path.join(fromRoot('src/migrations'), snapshots.at(-1)!), 'utf8'))
    if (kit.upSnapshot && before.version < after.version) before = kit.upSnapshot(before)
    expect(await kit.generateMigration(before, after)).toEqual([])
  })

  test('the migrated database has the tables the config expects', async () => {
    const { rows } = await app.sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)
    const tables = new Set(rows.map((r) => r.table_name))
    for (const table of ['case_studies', '_case_studies_v', 'case_studies_locales', 'citymakers', 'cities', 'sdgs', 'sdg_targets', 'sdg_indicators', 'topics', 'partners', 'awards', 'articles', 'media', 'payload_jobs']) {
      expect(tables).toContain(table)
    }
  })
})
