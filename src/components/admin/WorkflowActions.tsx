'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

import { TRANSITIONS, type WorkflowState } from '../../../access/workflow'

/**
 * The workflow buttons beside a case study (submit, withdraw, request changes, publish, archive):
 * only the transitions the signed-in account may make from the current state. Each calls
 * POST /api/case-studies/:id/workflow, where the same rules are enforced again.
 */
export const WorkflowActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const state = useFormFields(([fields]) => fields.workflowState?.value) as WorkflowState | undefined
  const author = useFormFields(([fields]) => fields.author?.value) as number | { id: number } | undefined
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)

  if (!id || !state || !user) return null
  const roles = ((user as { roles?: string[] }).roles ?? []) as string[]
  const staff = roles.includes('admin') || roles.includes('editor')
  const authorId = typeof author === 'object' && author ? author.id : author
  const isAuthor = authorId === user.id
  const options = TRANSITIONS.filter((t) => t.from === state && t.by.some((actor) => (actor === 'staff' && staff) || (actor === 'author' && isAuthor)))
  const needsComment = options.some((t) => t.commentRequired)

  const act = async (to: WorkflowState) => {
    setBusy(true)
    try {
      const response = await fetch(`${config.routes.api}/case-studies/${id}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
      })
      const body = await response.json()
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? 'The workflow action failed')
        return
      }
      toast.success(`Case study is now ${to.replace('_', ' ')}`)
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="workflow-actions" style={{ marginBottom: '1.5rem' }}>
      <p className="field-label">
        Workflow: <strong data-testid="workflow-state">{state.replace('_', ' ')}</strong>
      </p>
      {needsComment && (
        <textarea
          aria-label="Comment to the author"
          placeholder="Comment to the author (required to request changes)"
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          rows={3}
          style={{ width: '100%', marginBottom: '0.5rem' }}
        />
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
        {options.map((t) => (
          <Button key={t.to} buttonStyle={t.to === 'published' ? 'primary' : 'secondary'} size="small" disabled={busy} onClick={() => act(t.to)}>
            {t.label.charAt(0).toUpperCase() + t.label.slice(1)}
          </Button>
        ))}
      </div>
    </div>
  )
}
