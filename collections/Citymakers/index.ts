import type { CollectionConfig } from 'payload'

import { adminsOnlyField, anyone, staff, staffOnlyField, hiddenFromNonStaff } from '../../access'
import { readProfiles, selfOrAdmin, selfOrStaffField } from '../../access/citymakers'
import { LANGUAGES, linksField, sidebar } from '../fields/common'
import { accountEndpoints } from '../../src/endpoints/account'
import { alertsEndpoints } from '../../src/endpoints/alerts'
import { contactEndpoints } from '../../src/endpoints/contact'
import { directoryEndpoints } from '../../src/endpoints/directory'
import { verificationEmail } from '../../src/lib/auth-emails'
import { countryOptions, M49_REGION_OPTIONS } from '../../src/lib/geography'
import { deferVerificationEmail, enforcePasswordPolicy, queueActivationMail, releasePersonalData } from './hooks'

export const Citymakers: CollectionConfig = {
  slug: 'citymakers',
  labels: { singular: 'Citymaker', plural: 'Citymakers' },
  admin: {
    hidden: hiddenFromNonStaff,
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'category', 'organisation', 'city', 'roles'],
    group: 'Community',
  },
  auth: {
    verify: verificationEmail,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 2 * 60 * 60,
    cookies: { sameSite: 'Lax' },
  },
  // our endpoints come before Payload's (`/directory` before `/:id`, registration before create)
  endpoints: [...accountEndpoints, ...contactEndpoints, ...directoryEndpoints, ...alertsEndpoints],
  hooks: {
    beforeOperation: [enforcePasswordPolicy, deferVerificationEmail],
    afterChange: [queueActivationMail],
    beforeDelete: [releasePersonalData],
  },
  defaultPopulate: { displayName: true, category: true, organisation: true, city: true, avatar: true },
  access: {
    read: readProfiles,
    // everyone registers through POST /api/citymakers (src/endpoints/account.ts), which creates an
    // inactive citymaker whatever the body asks; other doors (GraphQL) create for staff only
    create: staff,
    update: selfOrAdmin,
    delete: selfOrAdmin,
    admin: ({ req }) => Boolean(req.user),
    unlock: ({ req }) => Boolean(req.user && (req.user as { roles?: string[] }).roles?.includes('admin')),
  },
  fields: [
    // Payload's own e-mail field (merged with this one): private, like roles and consents
    { name: 'email', type: 'email', access: { read: selfOrStaffField } },
    { name: 'displayName', type: 'text', required: true, maxLength: 120 },
    {
      type: 'row',
      fields: [
        {
          name: 'accountType',
          type: 'select',
          required: true,
          defaultValue: 'person',
          options: [
            { label: 'Person', value: 'person' },
            { label: 'Organisation', value: 'organisation' },
          ],
        },
        {
          name: 'category',
          type: 'select',
          index: true,
          options: [
            { label: 'Politician', value: 'politician' },
            { label: 'Administrator', value: 'administrator' },
            { label: 'Academic', value: 'academic' },
            { label: 'Practitioner', value: 'practitioner' },
            { label: 'NGO', value: 'ngo' },
            { label: 'Private sector', value: 'private-sector' },
            { label: 'Other', value: 'other' },
          ],
        },
      ],
    },
    { type: 'row', fields: [{ name: 'organisation', type: 'text', maxLength: 200 }, { name: 'position', type: 'text', maxLength: 200 }] },
    { name: 'city', type: 'relationship', relationTo: 'cities', index: true },
    { name: 'bio', type: 'textarea', localized: true, maxLength: 3000 },
    { name: 'avatar', type: 'upload', relationTo: 'media' },
    { name: 'expertiseTopics', type: 'relationship', relationTo: 'topics', hasMany: true, index: true },
    { name: 'sdgInterests', label: 'SDG interests', type: 'relationship', relationTo: 'sdgs', hasMany: true, index: true },
    { name: 'languages', type: 'select', hasMany: true, options: LANGUAGES },
    linksField(),
    sidebar({
      name: 'profileVisibility',
      type: 'select',
      required: true,
      defaultValue: 'community',
      index: true,
      options: [
        { label: 'Public (anyone)', value: 'public' },
        { label: 'Community (logged-in members)', value: 'community' },
        { label: 'Hidden', value: 'hidden' },
      ],
    }),
    sidebar({ name: 'allowContact', type: 'checkbox', defaultValue: true }),
    sidebar({
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['citymaker'],
      saveToJWT: true,
      options: [
        { label: 'Admin', value: 'admin' },
        { label: 'Editor', value: 'editor' },
        { label: 'Citymaker', value: 'citymaker' },
      ],
      access: { read: selfOrStaffField, create: adminsOnlyField, update: adminsOnlyField },
    }),
    {
      name: 'consents',
      type: 'group',
      access: { read: selfOrStaffField, update: staffOnlyField },
      fields: [
        { name: 'termsAcceptedAt', type: 'date' },
        { name: 'privacyAcceptedAt', type: 'date' },
        { name: 'alertsConsentedAt', type: 'date' },
      ],
    },
    {
      name: 'alerts',
      type: 'group',
      admin: { description: 'Mail about newly published case studies that match any of these. Nothing is subscribed until you choose.' },
      access: { read: selfOrStaffField },
      fields: [
        {
          // not `required`: GraphQL would then demand the whole group in every profile update
          name: 'frequency',
          type: 'select',
          defaultValue: 'off',
          index: true,
          options: [
            { label: 'Off', value: 'off' },
            { label: 'Immediately', value: 'immediate' },
            { label: 'Weekly digest', value: 'weekly' },
          ],
        },
        { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, index: true },
        { name: 'sdgs', label: 'SDGs', type: 'relationship', relationTo: 'sdgs', hasMany: true, index: true },
        { name: 'cities', type: 'relationship', relationTo: 'cities', hasMany: true, index: true },
        { name: 'countries', type: 'select', hasMany: true, options: countryOptions(), index: true },
        { name: 'regions', type: 'select', hasMany: true, options: M49_REGION_OPTIONS, index: true },
        { name: 'partners', type: 'relationship', relationTo: 'partners', hasMany: true, index: true },
      ],
    },
    // Payload's own activation flag (merged with this one) is writable by every logged-in account:
    // activating an address nobody confirmed, or deactivating an account, is for admins only
    { name: '_verified', type: 'checkbox', access: { create: adminsOnlyField, update: adminsOnlyField } },
    { name: 'demo', type: 'checkbox', defaultValue: false, admin: { position: 'sidebar', readOnly: true }, access: { update: adminsOnlyField, create: adminsOnlyField } },
    { name: 'authoredCases', type: 'join', collection: 'case-studies', on: 'author' },
  ],
}
