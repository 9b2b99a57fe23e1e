import type { CollectionConfig, Endpoint } from 'payload'
import { randomBytes } from 'node:crypto'

import { staff, hiddenFromNonStaff } from '../access'
import { isStaffUser } from '../access/roles'
import { fail } from '../src/endpoints/respond'
import { documented, errorResponse, jsonContent, pathParam } from '../src/lib/openapi'

/**
 * Machine accounts of partners for feed imports: Payload API keys
 * (`Authorization: partner-accounts API-Key <key>`), no password, no admin panel. Such an
 * account carries no roles (access/roles.ts), so it can do nothing but what the feed endpoints
 * allow for its own partner. Staff create accounts and rotate keys: `POST
 * /api/partner-accounts/:id/rotate-key` makes a new key, answers it once, and the old key stops
 * working at once (a key can also be set in the admin panel, or switched off with `enableAPIKey`).
 */
const rotateKey: Endpoint = documented({
  path: '/:id/rotate-key',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) return fail(req.user ? 403 : 401, 'Only editors and admins may rotate partner API keys')
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id < 1) return fail(400, 'id must be a partner account id')
    const apiKey = randomBytes(32).toString('base64url')
    try {
      await req.payload.update({ collection: 'partner-accounts', id, data: { enableAPIKey: true, apiKey } as never, overrideAccess: true, depth: 0, req })
    } catch {
      return fail(404, `Partner account ${id} not found`)
    }
    return Response.json({ id, apiKey, message: 'The new key works from now on; the previous key no longer does. It is shown only here: store it now.' })
  },
}, {
  summary: "Give a partner account a new API key (editors); the old key stops working",
  tags: ['feeds'],
  security: [{ jwt: [] }],
  parameters: [pathParam('id', 'Partner account id.')],
  responses: {
    '200': { description: 'The new key, shown once.', content: jsonContent({ type: 'object' }) },
    '400': errorResponse('Malformed id.'),
    '401': errorResponse('Not logged in.'),
    '403': errorResponse('Not an editor.'),
    '404': errorResponse('No such account.'),
  },
})

export const PartnerAccounts: CollectionConfig = {
  slug: 'partner-accounts',
  labels: { singular: 'Partner account', plural: 'Partner accounts' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'name', defaultColumns: ['name', 'partner', 'enableAPIKey'], group: 'Reference data' },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  endpoints: [rotateKey],
  access: { read: staff, create: staff, update: staff, delete: staff, admin: () => false, unlock: () => false },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, admin: { description: 'Who uses this key, e.g. "EUROCITIES nightly feed".' } },
    { name: 'partner', type: 'relationship', relationTo: 'partners', required: true, index: true },
  ],
}
