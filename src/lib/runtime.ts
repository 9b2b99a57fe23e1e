import { existsSync } from 'node:fs'
import type { Payload, SanitizedConfig } from 'payload'

import { openDatabase, type Database } from './database'
import { readEnv, type Env } from './env'
import { fromRoot } from './paths'
import { dataDir } from './runtime-paths'
import { ensureSecret } from './secret'

/**
 * Everything a process must settle before Payload's config is imported: the .env file, validated
 * settings, a database to talk to (started here when embedded) and a secret. The results go into
 * process.env because the config, and the copy of it that Next.js bundles, read them from there.
 */
export type Runtime = { env: Env; database: Database }

export function loadDotEnv(): void {
  const file = fromRoot('.env')
  if (existsSync(file)) process.loadEnvFile(file)
}

export async function prepareRuntime(log: (message: string) => void = console.log): Promise<Runtime> {
  loadDotEnv()
  const env = readEnv()
  const database = await openDatabase(env, log)
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET = ensureSecret(env, dataDir())
  return { env: readEnv(), database }
}

export async function loadConfig(): Promise<SanitizedConfig> {
  const { default: config } = await import('../../payload.config')
  return config
}

/** Two instances starting together must not both migrate: one waits for the other. */
const MIGRATION_LOCK = 7_230_001

export async function migrateDatabase(payload: Payload): Promise<void> {
  const { migrations } = await import('../migrations/index')
  const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await payload.db.migrate({ migrations: migrations as never })
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }
}

/** Names of committed migrations that the database has not run yet. */
export async function pendingMigrations(query: (sql: string) => Promise<{ rows: Array<{ name: string }> }>): Promise<string[]> {
  const { migrations } = await import('../migrations/index')
  let ran: Set<string>
  try {
    ran = new Set((await query('SELECT name FROM payload_migrations')).rows.map((row) => row.name))
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') ran = new Set()
    else throw err
  }
  return (migrations as Array<{ name: string }>).map((m) => m.name).filter((name) => !ran.has(name))
}
