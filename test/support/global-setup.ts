import { execFile } from 'node:child_process'
import { chmod, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { dropDatabase, ensureDatabase } from '../../src/lib/database'
import { startEmbeddedPostgres, randomSuffix } from '../../src/lib/embedded-postgres'
import { projectRoot } from '../../src/lib/paths'

const execFileAsync = promisify(execFile)

/**
 * One PostgreSQL server for the whole run: DATABASE_URL's when it is set, otherwise an embedded
 * one in a temporary folder. On it, a template database with migrations and reference data.
 */
export default async function globalSetup() {
  const started = Date.now()
  let serverUrl: string
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'use-test-pg-'))
    // as root the server runs as the postgres user, who must be able to enter this folder
    await chmod(dir, 0o755)
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 0, ephemeral: true })
    ;(globalThis as { __embedded?: typeof embedded }).__embedded = embedded
    serverUrl = embedded.url
  }
  const template = new URL(serverUrl)
  template.pathname = `/use_test_template_${randomSuffix()}`
  await dropDatabase(template.toString())
  await ensureDatabase(template.toString())
  try {
    await execFileAsync(process.execPath, ['--conditions=production', '--import', 'tsx', 'test/support/template.ts'], {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: template.toString(), PAYLOAD_SECRET: 'test-secret-for-the-template-build-only', NODE_ENV: 'test' },
    })
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string }
    throw new Error(`Building the test template database failed:\n${stdout ?? ''}\n${stderr ?? ''}`)
  }
  // Disconnect everyone from the template: CREATE DATABASE … TEMPLATE needs it idle.
  process.env.USE_TEST_SERVER_URL = serverUrl
  process.env.USE_TEST_TEMPLATE = decodeURIComponent(template.pathname.slice(1))
  ;(globalThis as { __template?: string }).__template = template.toString()
  if (process.env.USE_TEST_VERBOSE) console.log(`\n[test] database server and template ready in ${Date.now() - started} ms`)
}
