import type { Payload } from 'payload'

import { dbFor, sql } from '../lib/sql'
import { importFeed, type ImportOptions, type ImportReport, type PartnerInfo } from './engine'
import type { FeedFormat, ParsedRecord } from './parse'

/**
 * One import run with its `imports` log document, shared by the CLI and the REST endpoint: the
 * log is created first (its id is what the API answers), updated after every batch (progress),
 * and completed with the counts and the per-record problems, or marked failed with the reason.
 * When cases changed, the editors get one mail for the whole run.
 */
export async function findPartner(payload: Payload, slug: string): Promise<PartnerInfo | null> {
  const { docs } = await payload.find({ collection: 'partners', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })
  const doc = docs[0] as (PartnerInfo & { id: number }) | undefined
  return doc ? { id: doc.id, slug: doc.slug, name: doc.name, type: doc.type, trustLevel: doc.trustLevel, defaultLicence: doc.defaultLicence } : null
}

export type RunOptions = Omit<ImportOptions, 'importId' | 'onProgress'> & {
  format: FeedFormat
  source: string
  startedBy: string
  /** Write an `imports` document (the CLI's dry run writes nothing at all). */
  log?: boolean
  onProgress?: (report: ImportReport, processed: number) => void
}

export async function createImportLog(payload: Payload, options: Pick<RunOptions, 'partner' | 'dryRun' | 'retireMissing' | 'format' | 'source' | 'startedBy'>): Promise<number> {
  const doc = await payload.create({
    collection: 'imports',
    data: {
      partner: options.partner.id,
      status: 'running',
      dryRun: options.dryRun ?? false,
      retireMissing: options.retireMissing ?? false,
      format: options.format,
      source: options.source.slice(0, 300),
      startedBy: options.startedBy.slice(0, 200),
      startedAt: new Date().toISOString(),
    },
    overrideAccess: true,
    depth: 0,
  })
  return doc.id as number
}

const logFields = (report: ImportReport) => ({
  counts: report.counts,
  errors: report.errors,
  conflicts: report.conflicts,
  createdCities: report.createdCities,
  message: report.warnings.join('\n') || null,
})

export async function runImport(payload: Payload, options: RunOptions & { importId?: number; records: AsyncIterable<ParsedRecord> }): Promise<ImportReport & { importId?: number }> {
  const importId = options.importId ?? (options.log === false ? undefined : await createImportLog(payload, options))
  const update = (data: Record<string, unknown>) =>
    importId ? payload.update({ collection: 'imports', id: importId, data: data as never, overrideAccess: true, depth: 0 }) : Promise.resolve()
  try {
    const report = await importFeed(payload, {
      ...options,
      importId,
      actorLabel: options.actorLabel ?? `feed import${importId ? ` #${importId}` : ''} (${options.startedBy})`,
      onProgress: async (report, processed) => {
        options.onProgress?.(report, processed)
        if (!importId) return
        // one cheap statement per batch (through Payload it costs more than an unchanged batch)
        const c = report.counts
        const db = await dbFor(payload)
        await db.execute(sql`UPDATE imports SET processed = ${processed}, counts_received = ${c.received}, counts_created = ${c.created}, counts_updated = ${c.updated},
          counts_unchanged = ${c.unchanged}, counts_invalid = ${c.invalid}, counts_duplicates = ${c.duplicates}, counts_conflicts = ${c.conflicts},
          counts_cities_created = ${c.citiesCreated}, updated_at = now() WHERE id = ${importId}`)
      },
    })
    await update({ status: 'completed', finishedAt: new Date().toISOString(), processed: report.counts.received, ...logFields(report) })
    const c = report.counts
    if (importId && !report.dryRun && c.created + c.updated + c.conflicts + c.retired > 0) {
      await payload.jobs.queue({ task: 'mailImportToEditors', input: { import: importId } })
    }
    return { ...report, importId }
  } catch (err) {
    payload.logger.error({ err, msg: `feed import${importId ? ` #${importId}` : ''} of ${options.partner.slug} failed` })
    await update({ status: 'failed', finishedAt: new Date().toISOString(), message: `Failed: ${(err as Error).message}` }).catch(() => undefined)
    throw err
  }
}
