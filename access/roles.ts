import type { PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'citymaker'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = PayloadRequest['user'] | { roles?: unknown; collection?: string } | null | undefined

/** Only accounts of the `citymakers` auth collection carry roles; API-key partner accounts never do. */
export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  if (!user || (user as { collection?: string }).collection !== 'citymakers') return false
  const granted = (user as { roles?: unknown }).roles
  return Array.isArray(granted) && granted.some((role) => roles.includes(role as Role))
}

export const isAdminUser = (user: MaybeUser) => hasRole(user, 'admin')
export const isStaffUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor')
