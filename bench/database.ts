import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { dropDatabase, ensureDatabase } from '../src/lib/database'
import { randomSuffix, startEmbeddedPostgres } from '../src/lib/embedded-postgres'

/**
 * A fresh database for a benchmark: on DATABASE_URL's server when set, else on a temporary
 * embedded server (durable settings, like the app's). What it made is undone by `cleanup`,
 * newest first.
 *
 * To iterate on queries without generating the data again: `BENCH_KEEP=1` (with DATABASE_URL)
 * keeps the database and prints its URL; `BENCH_DATABASE_URL=<that URL>` runs on it again.
 * `reused` tells the benchmark that its data is already there.
 */
export async function benchDatabase(cleanup: Array<() => Promise<unknown>>): Promise<{ databaseUrl: string; where: string; reused: boolean }> {
  const reuse = process.env.BENCH_DATABASE_URL
  if (reuse) return { databaseUrl: reuse, where: `kept benchmark database (${new URL(reuse).pathname.slice(1)})`, reused: true }
  // Ctrl-C or a kill must not leave a temporary server (and its busy backends) running
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: cleaning up the benchmark's database`)
      void (async () => {
        for (const step of cleanup.splice(0)) await step().catch(() => {})
        process.exit(130)
      })()
    })
  }
  const external = process.env.DATABASE_URL
  let serverUrl: string
  let where: string
  if (external) {
    serverUrl = external
    where = `PostgreSQL server of DATABASE_URL (${new URL(external).host})`
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'use-bench-pg-'))
    cleanup.unshift(() => rm(dir, { recursive: true, force: true }))
    // as root the server runs as the postgres user, who must be able to enter this folder
    await chmod(dir, 0o755)
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 0 })
    cleanup.unshift(() => embedded.stop())
    serverUrl = embedded.url
    where = 'temporary embedded PostgreSQL server'
  }
  const target = new URL(serverUrl)
  target.pathname = `/use_bench_${randomSuffix()}`
  const databaseUrl = target.toString()
  await ensureDatabase(databaseUrl)
  if (external && ['1', 'true', 'yes'].includes(process.env.BENCH_KEEP ?? '')) {
    console.log(`Keeping the benchmark database: BENCH_DATABASE_URL=${databaseUrl} runs on it again (drop it when done)`)
  } else {
    cleanup.unshift(() => dropDatabase(databaseUrl))
  }
  return { databaseUrl, where, reused: false }
}

/**
 * Runs a benchmark's `main` (which may answer an exit code), prints an error and exits 1 when it
 * throws, and always undoes what it made (`cleanup`, newest first) before exiting.
 */
export async function runBenchmark(main: () => Promise<number | void>, cleanup: Array<() => Promise<unknown>>): Promise<never> {
  let exitCode = 0
  try {
    exitCode = (await main()) ?? 0
  } catch (err) {
    console.error(err)
    exitCode = 1
  } finally {
    for (const step of cleanup.splice(0)) await step().catch((err) => console.error(`cleanup: ${(err as Error).message}`))
  }
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  process.exit(exitCode)
}
