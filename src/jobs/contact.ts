import type { TaskConfig } from 'payload'
import { z } from 'zod'

/** Direct contact between members: the relay mail and the retention purge. */
const messageInput = z.object({ message: z.coerce.number().int().positive() })

export const mailContactMessageTask: TaskConfig<{ input: z.infer<typeof messageInput>; output: { messageId: string } }> = {
  slug: 'mailContactMessage',
  label: 'Mail: contact message (to the recipient)',
  inputSchema: [{ name: 'message', type: 'number', required: true }],
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async () => {
    throw new Error('mailContactMessage: not built yet')
  },
}

export const purgeContactMessagesTask: TaskConfig<{ input: Record<string, never>; output: { deleted: number } }> = {
  slug: 'purgeContactMessages',
  label: 'Purge contact messages past their retention period',
  outputSchema: [{ name: 'deleted', type: 'number' }],
  schedule: [{ cron: '0 3 * * *', queue: 'maintenance' }],
  handler: async () => {
    throw new Error('purgeContactMessages: not built yet')
  },
}

export const contactTasks = [mailContactMessageTask, purgeContactMessagesTask]
