import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type Where } from 'payload'

import { AUTHOR_EDITABLE, checkTransition, type WorkflowState } from '../../access/workflow'
import { isStaffUser, type Role } from '../../access/roles'
import { idOf } from '../../src/lib/ids'

/**
 * The workflow state is the single source of truth for publication: `_status` follows it, so a
 * body that sets `_status: "published"` publishes nothing. Transitions are checked against the
 * table in access/workflow.ts; local API calls without a user (seed, imports, jobs) act as staff.
 */
type Transition = { from: WorkflowState | 'new'; to: WorkflowState; comment?: string }
const INITIAL: WorkflowState[] = ['draft', 'submitted', 'published']

const rolesOf = (user: unknown): Role[] => ((user as { roles?: Role[] } | null)?.roles ?? []) as Role[]

export const enforceWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, context }) => {
  const system = !req.user || context.actAsSystem === true
  const staff = system || isStaffUser(req.user)
  const comment = typeof context.workflowComment === 'string' ? context.workflowComment : undefined

  if (operation === 'create') {
    if (!staff) {
      data.workflowState = 'draft'
      data.author = req.user!.id
    }
    const state = (data.workflowState ?? 'draft') as WorkflowState
    if (!INITIAL.includes(state)) throw new APIError(`A new case study starts as draft, submitted or published, not "${state}"`, 400, undefined, true)
    data.workflowState = state
    data._status = state === 'published' ? 'published' : 'draft'
    if (state === 'published') data.publishedAt ??= new Date().toISOString()
    if (state !== 'draft') context.workflowTransition = { from: 'new', to: state, comment } satisfies Transition
    return data
  }

  const from = (originalDoc?.workflowState ?? 'draft') as WorkflowState
  let to = (data.workflowState ?? from) as WorkflowState
  // Payload's own Publish button (a staff save with `_status: "published"`) is the publish transition
  if (staff && to === from && from !== 'published' && data._status === 'published') to = 'published'
  data.workflowState = to
  if (to !== from) {
    if (!system) {
      const check = checkTransition({ from, to, roles: rolesOf(req.user), isAuthor: idOf(originalDoc?.author) === req.user?.id, comment })
      if (!check.ok) throw new APIError(check.message, check.status, undefined, true)
    }
    context.workflowTransition = { from, to, comment } satisfies Transition
    if (staff && (to === 'published' || to === 'changes_requested')) data.lastReviewedAt = new Date().toISOString()
    // the first publication stays the date readers see; a re-publication after archiving keeps it
    if (to === 'published') data.publishedAt = originalDoc?.publishedAt ?? new Date().toISOString()
  } else if (!staff && !AUTHOR_EDITABLE.includes(from)) {
    throw new APIError(`A ${from.replace('_', ' ')} case study cannot be edited by its author`, 403, undefined, true)
  }

  if (!staff) data._status = 'draft'
  else if (to !== from) data._status = to === 'published' ? 'published' : 'draft'
  else if (to !== 'published') data._status = 'draft'
  // unchanged and published: `_status` stays as Payload set it (a draft save revises it as a new
  // draft version while the published one stays public)
  return data
}

/** Appends the audit record and queues the mail of the transition, in the same transaction. */
export const recordTransition: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  const transition = context.workflowTransition as Transition | undefined
  if (!transition) return doc
  delete context.workflowTransition
  const authorId = idOf(doc.author)
  const event = await req.payload.create({
    collection: 'workflow-events',
    data: {
      caseStudy: doc.id,
      caseAuthor: (authorId as number | undefined) ?? null,
      from: transition.from,
      to: transition.to,
      actor: req.user?.collection === 'citymakers' ? req.user.id : null,
      actorLabel: req.user ? undefined : String(context.actorLabel ?? 'system'),
      comment: transition.comment,
      summary: `${transition.from} → ${transition.to}`,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  if (context.skipNotifications) return doc
  const input = { caseStudy: doc.id as number, event: event.id as number }
  if (transition.to === 'submitted') {
    await req.payload.jobs.queue({ task: 'mailSubmissionToEditors', input, req })
  } else if (['changes_requested', 'published', 'archived'].includes(transition.to) && authorId && authorId !== req.user?.id) {
    await req.payload.jobs.queue({ task: 'mailDecisionToAuthor', input, req })
  }
  // alerts to the members who subscribed to what the case is about (src/jobs/alerts.ts)
  if (transition.to === 'published') await req.payload.jobs.queue({ task: 'matchAlerts', input: { caseStudy: doc.id }, req })
  return doc
}

/**
 * Records that only mean something with their case (its audit trail, the alerts sent about it)
 * go in the same transaction as the case; the database would refuse to keep them pointing nowhere.
 */
export const deleteCaseRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['workflow-events', 'alert-deliveries'] as const) {
    await req.payload.delete({ collection, where: { caseStudy: { equals: id } }, overrideAccess: true, depth: 0, req })
  }
}

/**
 * Who reads which case study: published cases for everyone, a member's own cases in any state,
 * everything for staff.
 */
export const readCaseStudies = ({ req }: { req: { user?: unknown } }): boolean | Where => {
  if (isStaffUser(req.user as never)) return true
  const user = req.user as { id?: number; collection?: string } | undefined
  if (user?.collection === 'citymakers') return { or: [{ _status: { equals: 'published' } }, { author: { equals: user.id } }] }
  return { _status: { equals: 'published' } }
}

/** Authors edit their own cases while draft or changes requested; staff edit every case. */
export const updateCaseStudies = ({ req }: { req: { user?: unknown } }): boolean | Where => {
  if (isStaffUser(req.user as never)) return true
  const user = req.user as { id?: number; collection?: string } | undefined
  if (user?.collection !== 'citymakers') return false
  return { and: [{ author: { equals: user.id } }, { workflowState: { in: AUTHOR_EDITABLE } }] }
}

/** Authors may delete their own unsubmitted drafts; staff any case. */
export const deleteCaseStudies = ({ req }: { req: { user?: unknown } }): boolean | Where => {
  if (isStaffUser(req.user as never)) return true
  const user = req.user as { id?: number; collection?: string } | undefined
  if (user?.collection !== 'citymakers') return false
  return { and: [{ author: { equals: user.id } }, { workflowState: { equals: 'draft' } }] }
}

/** Versions (drafts, history) only for staff and the case's author. */
export const readCaseStudyVersions = ({ req }: { req: { user?: unknown } }): boolean | Where => {
  if (isStaffUser(req.user as never)) return true
  const user = req.user as { id?: number; collection?: string } | undefined
  if (user?.collection !== 'citymakers') return false
  return { 'version.author': { equals: user.id } }
}
