import type { TaskConfig } from 'payload'
import { z } from 'zod'

/** Account mail of registration: the activation link, and the notice to an address already registered. */
const citymakerInput = z.object({ citymaker: z.coerce.number().int().positive() })

export const mailActivationTask: TaskConfig<{ input: z.infer<typeof citymakerInput>; output: { messageId: string } }> = {
  slug: 'mailActivation',
  label: 'Mail: activate your profile',
  inputSchema: [{ name: 'citymaker', type: 'number', required: true }],
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries: { attempts: 12, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async () => {
    throw new Error('mailActivation: not built yet')
  },
}

export const mailAccountExistsTask: TaskConfig<{ input: z.infer<typeof citymakerInput>; output: { messageId: string } }> = {
  slug: 'mailAccountExists',
  label: 'Mail: someone registered with your address',
  inputSchema: [{ name: 'citymaker', type: 'number', required: true }],
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries: { attempts: 12, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async () => {
    throw new Error('mailAccountExists: not built yet')
  },
}

export const accountMailTasks = [mailActivationTask, mailAccountExistsTask]
