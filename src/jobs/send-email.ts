import type { TaskConfig } from 'payload'
import { z } from 'zod'

import { sendOnce } from '../lib/email'

/**
 * The mail outbox: every message the platform sends is a job. A failing SMTP server fails the
 * job, which Payload retries with exponential backoff (about 17 hours in all), so mail is delayed,
 * never lost. Once SMTP has accepted a message a marker is stored outside the job's transaction,
 * so a retry of a job that failed after sending does not send again.
 */
export const emailMessageSchema = z
  .object({
    to: z.union([z.string().min(3), z.array(z.string().min(3)).min(1)]),
    subject: z.string().min(1).max(500),
    html: z.string().optional(),
    text: z.string().optional(),
    from: z.string().optional(),
    replyTo: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .refine((message) => message.html || message.text, { message: 'a message needs html or text' })

export type EmailMessage = z.infer<typeof emailMessageSchema>

export const sendEmailTask: TaskConfig<{ input: { message: EmailMessage }; output: { messageId: string } }> = {
  slug: 'sendEmail',
  label: 'Send e-mail',
  inputSchema: [{ name: 'message', type: 'json', required: true }],
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries: { attempts: 12, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, job, req }) => ({ output: await sendOnce(req.payload, String(job.id), emailMessageSchema.parse(input.message)) }),
}
