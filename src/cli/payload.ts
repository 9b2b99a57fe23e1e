/**
 * Payload's CLI (migrate, migrate:create, migrate:status, generate:types, generate:importmap,
 * jobs:run) against the same database the app uses, embedded or DATABASE_URL.
 */
import { parseArgs } from 'node:util'

import basePayload, { generateImportMap, getPayload, migrateCLI } from 'payload'
import { generateTypes } from 'payload/node'

import { closePayload } from '../lib/close'
import { loadConfig } from '../lib/runtime'
import { runCommand } from './run'

const { values, positionals } = parseArgs({ args: process.argv.slice(2), strict: false, allowPositionals: true })
// Payload's migrate command takes minimist-shaped arguments.
const args = { ...values, _: positionals } as Record<string, unknown> & { _: string[] }
const command = String(args._[0] ?? '')
await runCommand(async () => {
  const config = await loadConfig()
  if (command.startsWith('migrate')) {
    try {
      await migrateCLI({ config, parsedArgs: args as never })
    } finally {
      // the migrate command initialises Payload's default instance; close its pool before the database stops
      if (basePayload.db) await closePayload(basePayload)
    }
  } else if (command === 'generate:types') {
    await generateTypes(config)
  } else if (command === 'generate:importmap') {
    await generateImportMap(config)
  } else if (command === 'jobs:run') {
    const payload = await getPayload({ config })
    try {
      await payload.jobs.run({ limit: Number(args.limit ?? 100), allQueues: true })
    } finally {
      await closePayload(payload)
    }
  } else {
    console.error(`Unknown command "${command}". Use migrate, migrate:create [name], migrate:status, generate:types, generate:importmap or jobs:run.`)
    return 2
  }
})
