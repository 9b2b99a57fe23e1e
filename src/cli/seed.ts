/**
 * `npm run seed` seeds reference data; `npm run seed -- --demo` adds the demo content. Both are
 * idempotent: a second run reports everything unchanged and writes nothing.
 */
import { parseArgs } from 'node:util'

import { seed } from '../../seed/index'
import { startPayload } from '../lib/boot'
import { closePayload } from '../lib/close'
import { runCommand } from './run'

const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } })
await runCommand(async () => {
  const payload = await startPayload()
  try {
    await seed(payload, { demo: values.demo ?? false })
  } finally {
    await closePayload(payload)
  }
})
