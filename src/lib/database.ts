import pg from 'pg'

import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres'
import type { Env } from './env'
import { dataDir } from './runtime-paths'

export const EMBEDDED_DATABASE_NAME = 'use'

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Creates the URL's database when it does not exist yet (first start against a fresh server). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  const client = new pg.Client({ connectionString: maintenance.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
  } catch (err) {
    // 42P04: created meanwhile by another instance
    if ((err as { code?: string }).code !== '42P04') throw err
  } finally {
    await client.end()
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  target.pathname = '/postgres'
  const client = new pg.Client({ connectionString: target.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

export type Database = { url: string; embedded?: EmbeddedPostgres; stop: () => Promise<void> }

/** DATABASE_URL when set, else the embedded PostgreSQL under DATA_DIR/postgres. */
export async function openDatabase(env: Env, log: (message: string) => void): Promise<Database> {
  if (env.DATABASE_URL) {
    await ensureDatabase(env.DATABASE_URL)
    return { url: env.DATABASE_URL, stop: async () => {} }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: dataDir('postgres'), port: env.EMBEDDED_POSTGRES_PORT, log })
  const url = new URL(embedded.url)
  url.pathname = `/${EMBEDDED_DATABASE_NAME}`
  try {
    await ensureDatabase(url.toString())
  } catch (err) {
    await embedded.stop()
    throw err
  }
  return { url: url.toString(), embedded, stop: embedded.stop }
}
