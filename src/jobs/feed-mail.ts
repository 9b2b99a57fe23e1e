import type { TaskConfig } from 'payload'
import { z } from 'zod'

import { sendOnce } from '../lib/email'
import { textMail } from '../lib/mail'
import { editorAddresses } from './workflow-mail'

/**
 * One mail to the editors per feed import (not one per case): what arrived, what waits in the
 * review queue, what was rejected and which conflicts and new cities need a look. Queued by the
 * importer when the import finishes (src/feeds/run.ts); reads the `imports` log when it runs.
 */
const inputSchema = z.object({ import: z.coerce.number().int().positive() })
type Input = z.infer<typeof inputSchema>

export const mailImportToEditorsTask: TaskConfig<{ input: Input; output: { messageId: string; recipients: number } }> = {
  slug: 'mailImportToEditors',
  label: 'Mail: partner feed imported (to editors)',
  inputSchema: [{ name: 'import', type: 'number', required: true }],
  outputSchema: [{ name: 'messageId', type: 'text' }, { name: 'recipients', type: 'number' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, job, req }) => {
    const { import: id } = inputSchema.parse(input)
    const log = await req.payload.findByID({ collection: 'imports', id, depth: 1, overrideAccess: true, req })
    const to = await editorAddresses(req)
    if (to.length === 0) return { output: { messageId: '', recipients: 0 } }
    const partner = typeof log.partner === 'object' && log.partner ? log.partner.name : `partner ${log.partner}`
    const c = log.counts ?? {}
    const base = req.payload.config.serverURL
    const lines = [
      `${c.created ?? 0} new case studies, ${c.updated ?? 0} updated, ${c.unchanged ?? 0} unchanged.`,
      ...(c.invalid || c.duplicates ? [`${(c.invalid ?? 0) + (c.duplicates ?? 0)} records were rejected (invalid or duplicate).`] : []),
      ...(c.conflicts ? [`${c.conflicts} changed records were not applied because an editor had edited the case: please compare.`] : []),
      ...(c.citiesCreated ? [`${c.citiesCreated} new cities were created as drafts: please check their names and countries, then publish them (until then they show nowhere in public).`] : []),
      ...(c.retired ? [`${c.retired} cases missing from the feed were archived.`] : []),
    ]
    const message = textMail(to, `Feed import from ${partner}: ${c.created ?? 0} new, ${c.updated ?? 0} updated`, [
      `The feed of ${partner} was imported.`,
      lines.join('\n'),
      `The import report: ${base}/admin/collections/imports/${id}`,
      `The review queue: ${base}/admin/collections/case-studies?where[workflowState][equals]=submitted`,
    ])
    const { messageId } = await sendOnce(req.payload, String(job.id), message)
    return { output: { messageId, recipients: to.length } }
  },
}
