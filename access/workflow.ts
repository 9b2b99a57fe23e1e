import type { Role } from './roles'

/**
 * The editorial workflow of a case study, in one table: who may move a case from one state to
 * another. `author` is the case's own author (a citymaker); `staff` are editors and admins.
 * A published version exists exactly when the state is `published`.
 */
export const WORKFLOW = ['draft', 'submitted', 'changes_requested', 'published', 'archived'] as const
export type WorkflowState = (typeof WORKFLOW)[number]
export type Actor = 'author' | 'staff'

type Transition = { from: WorkflowState; to: WorkflowState; by: Actor[]; commentRequired?: boolean; label: string }

export const TRANSITIONS: Transition[] = [
  { from: 'draft', to: 'submitted', by: ['author', 'staff'], label: 'submit for review' },
  { from: 'submitted', to: 'draft', by: ['author', 'staff'], label: 'withdraw the submission' },
  { from: 'submitted', to: 'changes_requested', by: ['staff'], commentRequired: true, label: 'request changes' },
  { from: 'changes_requested', to: 'submitted', by: ['author', 'staff'], label: 'resubmit' },
  { from: 'changes_requested', to: 'draft', by: ['author', 'staff'], label: 'withdraw' },
  { from: 'draft', to: 'published', by: ['staff'], label: 'publish' },
  { from: 'submitted', to: 'published', by: ['staff'], label: 'publish' },
  { from: 'changes_requested', to: 'published', by: ['staff'], label: 'publish' },
  { from: 'published', to: 'draft', by: ['staff'], label: 'unpublish' },
  { from: 'published', to: 'archived', by: ['staff'], label: 'archive' },
  { from: 'archived', to: 'published', by: ['staff'], label: 'republish' },
  { from: 'archived', to: 'draft', by: ['staff'], label: 'restore as draft' },
]

/** States in which the author may still edit the content. */
export const AUTHOR_EDITABLE: WorkflowState[] = ['draft', 'changes_requested']

export type TransitionCheck = { ok: true; transition: Transition } | { ok: false; status: 400 | 403; message: string }

export function checkTransition(args: {
  from: WorkflowState
  to: WorkflowState
  roles: Role[]
  isAuthor: boolean
  comment?: string | null
}): TransitionCheck {
  const { from, to, roles, isAuthor, comment } = args
  if (!WORKFLOW.includes(to)) return { ok: false, status: 400, message: `Unknown workflow state "${String(to)}"; use one of ${WORKFLOW.join(', ')}` }
  const transition = TRANSITIONS.find((t) => t.from === from && t.to === to)
  if (!transition) return { ok: false, status: 400, message: `Illegal workflow transition ${from} → ${to}` }
  const actors: Actor[] = []
  if (roles.includes('admin') || roles.includes('editor')) actors.push('staff')
  if (isAuthor) actors.push('author')
  if (!transition.by.some((actor) => actors.includes(actor))) {
    return { ok: false, status: 403, message: `Transition ${from} → ${to} (${transition.label}) is not allowed for you` }
  }
  if (transition.commentRequired && !(comment && comment.trim())) {
    return { ok: false, status: 400, message: `Transition ${from} → ${to} (${transition.label}) needs a comment for the author` }
  }
  return { ok: true, transition }
}
