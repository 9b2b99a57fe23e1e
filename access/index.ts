import type { Access, FieldAccess } from 'payload'

import { isAdminUser, isStaffUser } from './roles'

export { hasRole, isAdminUser, isStaffUser, ROLES, type Role } from './roles'

export const anyone: Access = () => true
export const nobody: Access = () => false
/** A logged-in member (any role). Partner accounts (API keys for feeds) are not members. */
export const authenticated: Access = ({ req }) => req.user?.collection === 'citymakers'
export const admins: Access = ({ req }) => isAdminUser(req.user)
/** Editorial staff: editors and admins. */
export const staff: Access = ({ req }) => isStaffUser(req.user)

/** Published documents for everyone; every version for editorial staff. */
export const publishedOrStaff: Access = ({ req }) => isStaffUser(req.user) || { _status: { equals: 'published' } }

export const adminsOnlyField: FieldAccess = ({ req }) => isAdminUser(req.user)
export const staffOnlyField: FieldAccess = ({ req }) => isStaffUser(req.user)
export const nobodyField: FieldAccess = () => false

/** Admin-panel navigation: collections a citymaker cannot use are not shown to them. */
export const hiddenFromNonStaff = ({ user }: { user: unknown }) => !isStaffUser(user as never)
