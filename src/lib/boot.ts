import { getPayload, type Payload } from 'payload'

import { ensureFirstAdmin } from '../../seed/admin'
import { seed } from '../../seed/index'
import type { Env } from './env'
import { loadConfig, migrateDatabase } from './runtime'

/** Payload on a migrated database: what the server, the CLI and the tests start from. */
export async function startPayload(): Promise<Payload> {
  const config = await loadConfig()
  const payload = await getPayload({ config })
  // A database restart must not crash the process through an idle client's 'error' event.
  const pool = (payload.db as unknown as { pool?: import('pg').Pool }).pool
  pool?.on('error', (err) => payload.logger.warn({ err, msg: 'Idle database connection failed' }))
  await migrateDatabase(payload)
  return payload
}

/** Reference data always (idempotent), demo content on a fresh database when asked, the first admin. */
export async function prepareData(payload: Payload, env: Env, log: (message: string) => void = console.log): Promise<void> {
  await seed(payload, { demo: env.SEED_DEMO ? 'if-empty' : false, log })
  await ensureFirstAdmin(payload, env, log)
}
