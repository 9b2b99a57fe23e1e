import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Env } from './env'

/**
 * Development and tests need a secret but no one should have to invent one: the first start
 * generates it and keeps it under the data folder, so sessions survive restarts. Production never
 * comes here: `readEnv` has already refused to start without a real PAYLOAD_SECRET.
 */
export function ensureSecret(env: Env, dataDir: string): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  const file = path.join(dataDir, 'payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
