import type { CollectionConfig } from 'payload'

import { anyone, staff, hiddenFromNonStaff } from '../access'
import { preventReferencedDelete } from '../hooks/preventReferencedDelete'
import { mergeEndpoint } from '../src/endpoints/merge'
import { yearField } from './fields/common'
import { slugField } from './fields/slug'

export const Awards: CollectionConfig = {
  slug: 'awards',
  labels: { singular: 'Award', plural: 'Awards' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'name', defaultColumns: ['name', 'organiser', 'year', 'edition'], group: 'Reference data' },
  defaultSort: '-year',
  defaultPopulate: { name: true, slug: true, year: true, organiser: true },
  access: { read: anyone, create: staff, update: staff, delete: staff },
  hooks: { beforeDelete: [preventReferencedDelete('awards')] },
  endpoints: [mergeEndpoint('awards')],
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 200 },
    slugField('name'),
    { name: 'organiser', type: 'relationship', relationTo: 'partners', index: true },
    { type: 'row', fields: [{ name: 'edition', type: 'text', maxLength: 60 }, yearField('year', 'Year', { required: true })] },
    { name: 'categories', type: 'text', hasMany: true, localized: true, maxRows: 30 },
  ],
}
