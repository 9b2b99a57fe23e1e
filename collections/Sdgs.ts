import type { CollectionConfig } from 'payload'

import { admins, anyone, hiddenFromNonStaff } from '../access'
import { preventReferencedDelete } from '../hooks/preventReferencedDelete'
import { urlField } from './fields/common'

/** The 17 goals, their targets and indicators: official UN texts, seeded, changed by admins only. */
const readOnlyReference = { read: anyone, create: admins, update: admins, delete: admins }

export const Sdgs: CollectionConfig = {
  slug: 'sdgs',
  labels: { singular: 'SDG', plural: 'SDGs' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'shortTitle', defaultColumns: ['number', 'shortTitle', 'colour'], group: 'Reference data' },
  defaultSort: 'number',
  defaultPopulate: { number: true, code: true, shortTitle: true, colour: true },
  access: readOnlyReference,
  hooks: { beforeDelete: [preventReferencedDelete('sdgs')] },
  fields: [
    { name: 'number', type: 'number', required: true, unique: true, min: 1, max: 17 },
    { name: 'code', type: 'text', required: true, unique: true, admin: { description: 'e.g. "SDG 11"' } },
    { name: 'shortTitle', type: 'text', required: true, localized: true },
    { name: 'title', type: 'text', required: true, localized: true },
    {
      name: 'colour',
      type: 'text',
      required: true,
      validate: (value: unknown) => (typeof value === 'string' && /^#[0-9A-Fa-f]{6}$/.test(value) ? true : 'Colour must be a hex colour such as #FD9D24'),
    },
    urlField('uri', 'UN URI'),
    { name: 'targets', type: 'join', collection: 'sdg-targets', on: 'goal', defaultSort: 'order' },
  ],
}

export const SdgTargets: CollectionConfig = {
  slug: 'sdg-targets',
  labels: { singular: 'SDG target', plural: 'SDG targets' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'code', defaultColumns: ['code', 'goal', 'text'], group: 'Reference data' },
  defaultSort: 'order',
  defaultPopulate: { code: true, goal: true },
  access: readOnlyReference,
  hooks: { beforeDelete: [preventReferencedDelete('sdg-targets')] },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      validate: (value: unknown) => (typeof value === 'string' && /^(1[0-7]|[1-9])\.([1-9]\d?|[a-z])$/.test(value) ? true : 'Code must look like "11.2" or "11.a"'),
    },
    { name: 'goal', type: 'relationship', relationTo: 'sdgs', required: true, index: true },
    { name: 'text', type: 'textarea', required: true, localized: true },
    { name: 'order', type: 'number', index: true, admin: { hidden: true } },
    { name: 'indicators', type: 'join', collection: 'sdg-indicators', on: 'target' },
  ],
}

export const SdgIndicators: CollectionConfig = {
  slug: 'sdg-indicators',
  labels: { singular: 'SDG indicator', plural: 'SDG indicators' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'code', defaultColumns: ['code', 'target', 'text'], group: 'Reference data' },
  defaultSort: 'order',
  defaultPopulate: { code: true, target: true },
  access: readOnlyReference,
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      validate: (value: unknown) => (typeof value === 'string' && /^(1[0-7]|[1-9])\.([1-9]\d?|[a-z])\.\d+$/.test(value) ? true : 'Code must look like "11.2.1"'),
    },
    { name: 'target', type: 'relationship', relationTo: 'sdg-targets', required: true, index: true },
    { name: 'text', type: 'textarea', required: true, localized: true },
    { name: 'order', type: 'number', index: true, admin: { hidden: true } },
  ],
}
