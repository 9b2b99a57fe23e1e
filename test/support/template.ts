/**
 * Builds the template database every test file is cloned from: committed migrations applied and
 * reference data seeded once, so a file's fresh database costs one CREATE DATABASE … TEMPLATE.
 * Runs as its own process (from global setup), outside jest's module system.
 */
import { startPayload } from '../../src/lib/boot'
import { closePayload } from '../../src/lib/close'
import { seed } from '../../seed/index'

const payload = await startPayload()
try {
  await seed(payload, { demo: false, log: () => {} })
} finally {
  await closePayload(payload)
}
