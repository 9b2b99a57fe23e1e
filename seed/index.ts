import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { seedDemo } from './demo'
import { seedReference } from './reference'

export type SeedOptions = {
  /** `true`: seed demo content (idempotent); `'if-empty'`: only on a database without case studies. */
  demo: boolean | 'if-empty'
  log?: (message: string) => void
}

/** One transaction: a failed seed leaves the database as it was, and shared writes are faster. */
export async function seed(payload: Payload, { demo, log = console.log }: SeedOptions): Promise<void> {
  const started = Date.now()
  const req = await createLocalReq({ context: { seeding: true, skipNotifications: true } }, payload)
  await initTransaction(req)
  try {
    log('Seeding reference data…')
    const reference = await seedReference(payload, req, (m) => log(`  ${m}`))
    let withDemo = demo === true
    if (demo === 'if-empty') {
      const { totalDocs } = await payload.count({ collection: 'case-studies', req })
      withDemo = totalDocs === 0
    }
    if (withDemo) {
      log('Seeding demo content…')
      await seedDemo(payload, reference, req, (m) => log(`  ${m}`))
    }
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
  log(`Seeding done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
