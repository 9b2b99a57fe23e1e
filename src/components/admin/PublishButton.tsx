'use client'
import { PublishButton as DefaultPublishButton, useAuth } from '@payloadcms/ui'
import React from 'react'

/**
 * Publishing is an editorial decision: authors get "Save draft" and the workflow's "Submit for
 * review" instead of Payload's Publish button (the server would refuse their publish anyway).
 */
export const PublishButton: React.FC<React.ComponentProps<typeof DefaultPublishButton>> = (props) => {
  const { user } = useAuth()
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!roles.includes('editor') && !roles.includes('admin')) return null
  return <DefaultPublishButton {...props} />
}
