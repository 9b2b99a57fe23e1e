import type { Access, CollectionBeforeChangeHook, Payload } from 'payload'

import { isAdminUser, isStaffUser } from '../../access/roles'
import { clampQuery } from '../../hooks/clampQuery'

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

/** A lock is held by whoever takes it: the body cannot name another account as its holder. */
const lockedByRequester: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (req.user && (operation === 'create' || data.user !== undefined)) data.user = { relationTo: req.user.collection, value: req.user.id }
  return data
}

export function hardenPayloadCollections(payload: Payload): void {
  const set = (slug: string, access: Record<string, Access>) => {
    const collection = payload.collections[slug as keyof typeof payload.collections]
    if (collection) Object.assign(collection.config.access, access)
  }
  set('payload-locked-documents', { read: ownLocksOrStaff, update: ownLocksOrStaff, delete: ownLocksOrStaff, create: ({ req }) => req.user?.collection === 'citymakers' })
  set('payload-migrations', { read: ({ req }) => isAdminUser(req.user), create: () => false, update: () => false, delete: () => false })
  set('payload-kv', { read: () => false, create: () => false, update: () => false, delete: () => false })
  // hooks are read at request time too; adding one twice (a second init on this config) is a no-op
  const addHook = (slug: string, kind: 'beforeChange' | 'beforeOperation', hook: unknown) => {
    const hooks = payload.collections[slug as keyof typeof payload.collections]?.config.hooks as unknown as Record<string, unknown[] | undefined> | undefined
    if (hooks && !(hooks[kind] ??= []).includes(hook)) hooks[kind]!.push(hook)
  }
  addHook('payload-locked-documents', 'beforeChange', lockedByRequester)
  // the same page, join and depth limits as our own collections (editors read the job queue)
  for (const slug of ['payload-jobs', 'payload-locked-documents', 'payload-preferences', 'payload-migrations']) addHook(slug, 'beforeOperation', clampQuery)
  // the scheduler's bookkeeping (when each scheduled task last ran): any account could rewrite it
  const stats = payload.globals.config.find((global) => global.slug === 'payload-jobs-stats')
  if (stats) Object.assign(stats.access, { read: ({ req }: { req: { user?: unknown } }) => isStaffUser(req.user as never), update: () => false, readVersions: () => false })
}
