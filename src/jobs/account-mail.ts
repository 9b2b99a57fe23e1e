import type { PayloadRequest, TaskConfig } from 'payload'
import { z } from 'zod'

import { activationLink } from '../lib/auth-emails'
import { sendOnce } from '../lib/email'
import { textMail } from '../lib/mail'

/**
 * Account mail of registration, one job per kind: the activation link, and the notice to the owner
 * of an address someone registered again (registration answers the same either way, so only
 * the owner learns the address is taken). Both read the account when they run: an account
 * activated meanwhile gets no activation mail.
 */
const citymakerInput = z.object({ citymaker: z.coerce.number().int().positive() })
const inputSchema = [{ name: 'citymaker', type: 'number' as const, required: true }]
const retries = { attempts: 12, backoff: { type: 'exponential' as const, delay: 30_000 } }

async function account(req: PayloadRequest, input: unknown) {
  const { citymaker } = citymakerInput.parse(input)
  const found = await req.payload.find({
    collection: 'citymakers',
    where: { id: { equals: citymaker } },
    showHiddenFields: true,
    overrideAccess: true,
    depth: 0,
    limit: 1,
    req,
  })
  return found.docs[0] as (typeof found.docs)[number] & { _verified?: boolean; _verificationToken?: string | null } | undefined
}

function activationMail(to: string, name: string, token: string) {
  const link = activationLink(token)
  return textMail(to, 'Activate your Urban Sustainability Exchange profile', [
    `Hello ${name},`,
    'welcome to the Urban Sustainability Exchange. Please activate your citymaker profile by following this link:',
    link,
    'If you did not register, ignore this message: without activation the profile is never used.',
  ])
}

export const mailActivationTask: TaskConfig<{ input: z.infer<typeof citymakerInput>; output: { messageId: string } }> = {
  slug: 'mailActivation',
  label: 'Mail: activate your profile',
  inputSchema,
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries,
  handler: async ({ input, job, req }) => {
    const user = await account(req, input)
    if (!user || user._verified || !user._verificationToken) return { output: { messageId: '' } }
    return { output: await sendOnce(req.payload, String(job.id), activationMail(user.email, user.displayName, user._verificationToken)) }
  },
}

export const mailAccountExistsTask: TaskConfig<{ input: z.infer<typeof citymakerInput>; output: { messageId: string } }> = {
  slug: 'mailAccountExists',
  label: 'Mail: someone registered with your address',
  inputSchema,
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries,
  handler: async ({ input, job, req }) => {
    const user = await account(req, input)
    if (!user) return { output: { messageId: '' } }
    // not activated yet: the owner most likely lost the first mail, so this one activates
    if (!user._verified && user._verificationToken) {
      return { output: await sendOnce(req.payload, String(job.id), activationMail(user.email, user.displayName, user._verificationToken)) }
    }
    const base = req.payload.config.serverURL
    const message = textMail(user.email, 'Your Urban Sustainability Exchange profile already exists', [
      `Hello ${user.displayName},`,
      'someone, perhaps you, tried to register a new profile with this e-mail address. You already have one, so nothing was changed.',
      `Log in: ${base}/admin/login`,
      `Forgot your password? Set a new one: ${base}/admin/forgot`,
      'If this was not you, you can ignore this message.',
    ])
    return { output: await sendOnce(req.payload, String(job.id), message) }
  },
}

export const accountMailTasks = [mailActivationTask, mailAccountExistsTask]
