/**
 * Payload's CLI (migrate, migrate:create, migrate:status, generate:types, generate:importmap,
 * jobs:run) against the same database the app uses, embedded or DATABASE_URL.
 */
import { parseArgs } from 'node:util'

import { generateImportMap, getPayload, migrateCLI } from 'payload'
import { generateTypes } from 'payload/node'

import { loadConfig, prepareRuntime } from '../lib/runtime'

const { values, positionals } = parseArgs({ args: process.argv.slice(2), strict: false, allowPositionals: true })
// Payload's migrate command takes minimist-shaped arguments.
const args = { ...values, _: positionals } as Record<string, unknown> & { _: string[] }
const command = String(args._[0] ?? '')
const runtime = await prepareRuntime()
let exitCode = 0
try {
  const config = await loadConfig()
  if (command.startsWith('migrate')) {
    await migrateCLI({ config, parsedArgs: args as never })
  } else if (command === 'generate:types') {
    await generateTypes(config)
  } else if (command === 'generate:importmap') {
    await generateImportMap(config)
  } else if (command === 'jobs:run') {
    const payload = await getPayload({ config })
    await payload.jobs.run({ limit: Number(args.limit ?? 100), allQueues: true })
    await payload.destroy()
  } else {
    console.error(`Unknown command "${command}". Use migrate, migrate:create [name], migrate:status, generate:types, generate:importmap or jobs:run.`)
    exitCode = 2
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  exitCode = 1
} finally {
  await runtime.database.stop()
}
process.exit(exitCode)
