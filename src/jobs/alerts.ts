import type { TaskConfig } from 'payload'
import { z } from 'zod'

/** Case-study alerts: matching subscribers on publish, immediate mails in batches, weekly digests. */
const caseInput = z.object({ caseStudy: z.coerce.number().int().positive() })

export const matchAlertsTask: TaskConfig<{ input: z.infer<typeof caseInput>; output: { matched: number } }> = {
  slug: 'matchAlerts',
  label: 'Alerts: find the subscribers of a published case',
  inputSchema: [{ name: 'caseStudy', type: 'number', required: true }],
  outputSchema: [{ name: 'matched', type: 'number' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async () => {
    throw new Error('matchAlerts: not built yet')
  },
}

export const sendAlertBatchTask: TaskConfig<{ input: Record<string, never>; output: { sent: number } }> = {
  slug: 'sendAlertBatch',
  label: 'Alerts: mail a batch of immediate alerts',
  outputSchema: [{ name: 'sent', type: 'number' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async () => {
    throw new Error('sendAlertBatch: not built yet')
  },
}

export const weeklyDigestTask: TaskConfig<{ input: Record<string, never>; output: { digests: number } }> = {
  slug: 'weeklyDigest',
  label: 'Alerts: weekly digests',
  outputSchema: [{ name: 'digests', type: 'number' }],
  schedule: [{ cron: '0 7 * * 1', queue: 'digest' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async () => {
    throw new Error('weeklyDigest: not built yet')
  },
}

export const alertTasks = [matchAlertsTask, sendAlertBatchTask, weeklyDigestTask]
