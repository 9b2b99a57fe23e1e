import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { checkTransition, WORKFLOW, type WorkflowState } from '../../access/workflow'
import type { Role } from '../../access/roles'
import { documented, errorResponse, jsonContent, pathParam } from '../lib/openapi'
import { fail } from './respond'

const bodySchema = z.object({
  to: z.enum(WORKFLOW, { error: `to must be one of ${WORKFLOW.join(', ')}` }),
  comment: z.string().trim().max(5000, { error: 'comment must be at most 5000 characters' }).optional(),
})


/**
 * `POST /api/case-studies/:id/workflow` with `{ "to": "submitted", "comment": "…" }`: the door
 * for every transition (submit, withdraw, request changes, publish, unpublish, archive). The
 * rules live in access/workflow.ts; the case-study hooks apply them again on every write.
 */
export const workflowEndpoint: Endpoint = documented({
  path: '/:id/workflow',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return fail(401, 'Log in to change the workflow state of a case study')
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id <= 0) return fail(400, 'id must be a positive number')
    let raw: unknown
    try {
      raw = await req.json?.()
    } catch {
      return fail(400, 'The body must be JSON like {"to": "submitted", "comment": "…"}')
    }
    const parsed = bodySchema.safeParse(raw)
    if (!parsed.success) return fail(400, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '))
    const { to, comment } = parsed.data

    const { payload } = req
    const visible = await payload.find({ collection: 'case-studies', where: { id: { equals: id } }, draft: true, depth: 0, limit: 1, overrideAccess: false, user: req.user, req })
    const doc = visible.docs[0]
    if (!doc) return fail(404, `No case study with id ${id}`)
    const from = (doc.workflowState ?? 'draft') as WorkflowState
    const authorId = typeof doc.author === 'object' && doc.author ? doc.author.id : doc.author
    const check = checkTransition({ from, to, roles: ((req.user as { roles?: Role[] }).roles ?? []) as Role[], isAuthor: authorId === req.user.id, comment })
    if (!check.ok) return fail(check.status, check.message)

    const updated = await payload.update({
      collection: 'case-studies',
      id,
      data: { workflowState: to },
      context: { workflowComment: comment },
      overrideAccess: true,
      depth: 0,
      req,
    })
    return Response.json({ message: `${from} → ${to}`, doc: { id: updated.id, workflowState: updated.workflowState, _status: updated._status } })
  },
}, {
  summary: 'Move a case study through the editorial workflow (submit, withdraw, request changes, publish, archive)',
  tags: ['case-studies'],
  security: [{ jwt: [] }],
  parameters: [pathParam('id', 'Case study id.')],
  requestBody: { required: true, content: jsonContent(z.toJSONSchema(bodySchema, { io: 'input', unrepresentable: 'any' })) },
  responses: {
    '200': { description: 'The new state.', content: jsonContent({ type: 'object' }) },
    '400': errorResponse('Bad body, or a transition that needs a comment.'),
    '401': errorResponse('Not logged in.'),
    '403': errorResponse('The role may not make this transition.'),
    '404': errorResponse('No case study the requester may see.'),
    '409': errorResponse('Not a transition from the current state.'),
  },
})
