import type { Access, Payload } from 'payload'

import { isAdminUser, isStaffUser } from '../../access/roles'

/**
 * Payload adds some collections of its own after plugins run, with permissive defaults (any
 * logged-in account may read and write `payload-locked-documents`; `payload-migrations` is open
 * to every account). Their access is read at request time, so it is tightened here, on init.
 */
const ownLocksOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (req.user?.collection === 'citymakers') return { 'user.value': { equals: req.user.id } }
  return false
}

export function hardenPayloadCollections(payload: Payload): void {
  const set = (slug: string, access: Record<string, Access>) => {
    const collection = payload.collections[slug as keyof typeof payload.collections]
    if (collection) Object.assign(collection.config.access, access)
  }
  set('payload-locked-documents', { read: ownLocksOrStaff, update: ownLocksOrStaff, delete: ownLocksOrStaff, create: ({ req }) => Boolean(req.user) })
  set('payload-migrations', { read: ({ req }) => isAdminUser(req.user), create: () => false, update: () => false, delete: () => false })
  set('payload-kv', { read: () => false, create: () => false, update: () => false, delete: () => false })
  // the scheduler's bookkeeping (when each scheduled task last ran): any account could rewrite it
  const stats = payload.globals.config.find((global) => global.slug === 'payload-jobs-stats')
  if (stats) Object.assign(stats.access, { read: ({ req }: { req: { user?: unknown } }) => isStaffUser(req.user as never), update: () => false, readVersions: () => false })
}
