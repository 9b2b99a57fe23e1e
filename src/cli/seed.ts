/**
 * `npm run seed` seeds reference data; `npm run seed -- --demo` adds the demo content. Both are
 * idempotent: a second run reports everything unchanged and writes nothing.
 */
import { parseArgs } from 'node:util'

import { startPayload } from '../lib/boot'
import { closePayload } from '../lib/close'
import { prepareRuntime } from '../lib/runtime'
import { seed } from '../../seed/index'

const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } })
const runtime = await prepareRuntime()
let exitCode = 0
try {
  const payload = await startPayload()
  try {
    await seed(payload, { demo: values.demo ?? false })
  } finally {
    await closePayload(payload)
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  exitCode = 1
} finally {
  await runtime.database.stop()
}
process.exit(exitCode)
