import type { Access, FieldAccess, Where } from 'payload'

import { isAdminUser, isStaffUser } from './roles'

/**
 * Profiles: staff see everyone; members see their own profile and the activated profiles that
 * chose public or community visibility; anonymous visitors only activated public profiles.
 */
export const readProfiles: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (req.user?.collection === 'citymakers') {
    const visible: Where = {
      or: [
        { id: { equals: req.user.id } },
        { and: [{ _verified: { equals: true } }, { profileVisibility: { in: ['public', 'community'] } }] },
      ],
    }
    return visible
  }
  return { and: [{ _verified: { equals: true } }, { profileVisibility: { equals: 'public' } }] }
}

/** The account holder or an admin. */
export const selfOrAdmin: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (req.user?.collection === 'citymakers') return { id: { equals: req.user.id } }
  return false
}

/** Private profile fields (e-mail, roles, alert settings, consents): the holder and staff only. */
export const selfOrStaffField: FieldAccess = ({ req, doc, id }) =>
  isStaffUser(req.user) || (req.user?.collection === 'citymakers' && (req.user.id === (doc?.id ?? id)))
