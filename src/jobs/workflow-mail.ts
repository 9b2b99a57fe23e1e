import type { PayloadRequest, TaskConfig } from 'payload'
import { z } from 'zod'

import { sendOnce } from '../lib/email'
import { textMail } from '../lib/mail'

/**
 * One job per kind of workflow mail (input validated with zod). The hooks queue them with the
 * request, so a mail exists only for a transition that committed; the job reads the case and the
 * event when it runs and sends at most once.
 */
const inputSchema = z.object({ caseStudy: z.coerce.number().int().positive(), event: z.coerce.number().int().positive() })
type Input = z.infer<typeof inputSchema>
const inputFields = [
  { name: 'caseStudy', type: 'number' as const, required: true },
  { name: 'event', type: 'number' as const, required: true },
]
const retries = { attempts: 10, backoff: { type: 'exponential' as const, delay: 30_000 } }

/** The addresses of activated editors and admins: who hears of submissions and imports. */
export async function editorAddresses(req: PayloadRequest): Promise<string[]> {
  const editors = await req.payload.find({
    collection: 'citymakers',
    where: { and: [{ roles: { in: ['editor', 'admin'] } }, { _verified: { equals: true } }] },
    pagination: false,
    depth: 0,
    select: { email: true },
    overrideAccess: true,
    req,
  })
  return editors.docs.map((editor) => editor.email).filter(Boolean) as string[]
}

async function load(req: PayloadRequest, input: Input) {
  const { caseStudy, event } = inputSchema.parse(input)
  const doc = await req.payload.findByID({ collection: 'case-studies', id: caseStudy, draft: true, depth: 1, locale: 'en', overrideAccess: true, req })
  const record = await req.payload.findByID({ collection: 'workflow-events', id: event, depth: 1, overrideAccess: true, req })
  const base = req.payload.config.serverURL
  return { doc, record, adminUrl: `${base}/admin/collections/case-studies/${doc.id}` }
}

const cityNames = (cities: unknown) =>
  (Array.isArray(cities) ? cities : [])
    .map((city) => (typeof city === 'object' && city ? (city as { name?: string }).name : undefined))
    .filter(Boolean)
    .join(', ')

export const mailSubmissionToEditorsTask: TaskConfig<{ input: Input; output: { messageId: string; recipients: number } }> = {
  slug: 'mailSubmissionToEditors',
  label: 'Mail: case submitted (to editors)',
  inputSchema: inputFields,
  outputSchema: [{ name: 'messageId', type: 'text' }, { name: 'recipients', type: 'number' }],
  retries,
  handler: async ({ input, job, req }) => {
    const { doc, record, adminUrl } = await load(req, input)
    const to = await editorAddresses(req)
    if (to.length === 0) return { output: { messageId: '', recipients: 0 } }
    const author = typeof record.actor === 'object' && record.actor ? record.actor.displayName : 'A citymaker'
    const message = textMail(to, `Case study submitted for review: ${doc.title}`, [
      `${author} submitted a case study for review.`,
      `Title: ${doc.title}${cityNames(doc.cities) ? `\nCity: ${cityNames(doc.cities)}` : ''}\nCompleteness: ${doc.completeness?.score ?? 0}%`,
      `Review it in the admin panel: ${adminUrl}`,
    ])
    const { messageId } = await sendOnce(req.payload, String(job.id), message)
    return { output: { messageId, recipients: to.length } }
  },
}

const DECISIONS: Record<string, { subject: string; lead: string }> = {
  changes_requested: { subject: 'Changes requested for your case study', lead: 'An editor reviewed your case study and asks for changes before it can be published.' },
  published: { subject: 'Your case study is published', lead: 'Your case study has been approved and is now public on the Urban Sustainability Exchange.' },
  archived: { subject: 'Your case study was archived', lead: 'An editor archived your case study; it is no longer public.' },
}

export const mailDecisionToAuthorTask: TaskConfig<{ input: Input; output: { messageId: string } }> = {
  slug: 'mailDecisionToAuthor',
  label: 'Mail: editorial decision (to the author)',
  inputSchema: inputFields,
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries,
  handler: async ({ input, job, req }) => {
    const { doc, record, adminUrl } = await load(req, input)
    const decision = DECISIONS[record.to]
    const authorId = typeof doc.author === 'object' && doc.author ? doc.author.id : doc.author
    if (!decision || !authorId) return { output: { messageId: '' } }
    const author = await req.payload.findByID({ collection: 'citymakers', id: authorId, depth: 0, overrideAccess: true, req })
    const message = textMail(author.email, `${decision.subject}: ${doc.title}`, [
      `Hello ${author.displayName},`,
      decision.lead,
      ...(record.comment ? [`Comment from the editor:\n${record.comment}`] : []),
      `Your case study: ${adminUrl}`,
    ])
    return { output: await sendOnce(req.payload, String(job.id), message) }
  },
}
