import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import type { Env } from '../src/lib/env'

/**
 * The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD when given; in development, when no admin
 * exists, one with a random password that is printed once (there is no well-known default).
 */
export async function ensureFirstAdmin(payload: Payload, env: Env, log: (message: string) => void): Promise<void> {
  const context = { skipNotifications: true }
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const existing = await payload.find({ collection: 'citymakers', where: { email: { equals: env.ADMIN_EMAIL.toLowerCase() } }, limit: 1, depth: 0 })
    if (existing.docs.length > 0) return
    await payload.create({
      collection: 'citymakers',
      data: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, displayName: 'Administrator', roles: ['admin'], profileVisibility: 'hidden', allowContact: false, _verified: true } as never,
      disableVerificationEmail: true,
      context,
    })
    log(`Created admin ${env.ADMIN_EMAIL} from ADMIN_EMAIL/ADMIN_PASSWORD`)
    return
  }
  if (env.NODE_ENV !== 'development') return
  const admins = await payload.count({ collection: 'citymakers', where: { roles: { contains: 'admin' } } })
  if (admins.totalDocs > 0) return
  const email = 'admin@use.localhost'
  const password = randomBytes(12).toString('base64url')
  await payload.create({
    collection: 'citymakers',
    data: { email, password, displayName: 'Administrator', roles: ['admin'], profileVisibility: 'hidden', allowContact: false, _verified: true } as never,
    disableVerificationEmail: true,
    context,
  })
  log('────────────────────────────────────────────────────────────')
  log(`First admin created. E-mail: ${email}  Password: ${password}`)
  log('This password is shown once; change it in the admin panel (Account).')
  log('────────────────────────────────────────────────────────────')
}
