import { ValidationError, type CollectionAfterChangeHook, type CollectionBeforeDeleteHook, type CollectionBeforeOperationHook } from 'payload'

import { passwordProblem } from '../../src/lib/password-policy'

/**
 * Passwords set through the API (registration, profile, reset) follow the policy in
 * src/lib/password-policy.ts; our own code (seed, tests) sets them through the local API.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (req.payloadAPI === 'local' || !['create', 'update', 'resetPassword'].includes(operation)) return args
  const data = (args as { data?: { password?: unknown; email?: string; token?: string } }).data
  if (!data || data.password === undefined || data.password === null || data.password === '') return args
  let email = data.email
  if (!email && operation === 'update' && (args as unknown as { id?: number }).id !== undefined) {
    const user = await req.payload.findByID({ collection: 'citymakers', id: (args as unknown as { id: number }).id, depth: 0, overrideAccess: true, req }).catch(() => null)
    email = user?.email
  }
  if (!email && operation === 'resetPassword' && typeof data.token === 'string') {
    const found = await req.payload.db.findOne<{ id: number; email?: string }>({ collection: 'citymakers', where: { resetPasswordToken: { equals: data.token } }, req })
    email = found?.email
  }
  const problem = passwordProblem(data.password, email)
  if (problem) throw new ValidationError({ collection: 'citymakers', errors: [{ path: 'password', message: problem }] })
  return args
}

/**
 * Payload mails the verification link from inside the create operation, outside our outbox's
 * transaction; instead the link goes out as a `mailActivation` job queued with the request, so
 * it exists exactly when the account does, and an SMTP outage only delays it.
 */
export const deferVerificationEmail: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'create') (args as { disableVerificationEmail?: boolean }).disableVerificationEmail = true
  return args
}

export const queueActivationMail: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || doc._verified !== false || context.skipNotifications) return doc
  await req.payload.jobs.queue({ task: 'mailActivation', input: { citymaker: doc.id }, req })
  return doc
}

/**
 * Deleting an account removes the member's personal data and keeps what the public already
 * relies on: published (and archived) case studies stay, shown as by a former member; their
 * unpublished drafts, contact messages, alert deliveries and preferences go. The audit trail
 * keeps its events with the actor emptied. All of it in the delete's transaction.
 */
export const releasePersonalData: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { payload } = req
  const own = { author: { equals: id } }
  await payload.update({
    collection: 'case-studies',
    where: { and: [own, { workflowState: { in: ['published', 'archived'] } }] },
    data: { authorLeft: true, author: null } as never,
    // the member leaving is not an editor: this change is the platform's, not theirs
    context: { skipNotifications: true, actAsSystem: true },
    overrideAccess: true,
    depth: 0,
    req,
  })
  await payload.delete({ collection: 'case-studies', where: { and: [own, { workflowState: { in: ['draft', 'submitted', 'changes_requested'] } }] }, overrideAccess: true, depth: 0, req })
  await payload.delete({ collection: 'alert-deliveries', where: { citymaker: { equals: id } }, overrideAccess: true, depth: 0, req })
  await payload.delete({ collection: 'contact-messages', where: { or: [{ sender: { equals: id } }, { recipient: { equals: id } }] }, overrideAccess: true, depth: 0, req })
}
