import type { CollectionConfig } from 'payload'

import { anyone, staff, staffOnlyField, hiddenFromNonStaff } from '../access'
import { preventReferencedDelete } from '../hooks/preventReferencedDelete'
import { reindexReferencingCases } from '../hooks/reindexReferencingCases'
import { mergeEndpoint } from '../src/endpoints/merge'
import { licenceField, sidebar, urlField, yearField } from './fields/common'
import { slugField } from './fields/slug'

export const Partners: CollectionConfig = {
  slug: 'partners',
  labels: { singular: 'Partner', plural: 'Partners' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'name', defaultColumns: ['name', 'type', 'trustLevel', 'activeSince'], group: 'Reference data' },
  defaultPopulate: { name: true, slug: true, type: true, logo: true, website: true },
  access: { read: anyone, create: staff, update: staff, delete: staff },
  hooks: { afterChange: [reindexReferencingCases('partners')], beforeDelete: [preventReferencedDelete('partners')] },
  endpoints: [mergeEndpoint('partners')],
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    slugField('name'),
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      options: [
        { label: 'City network', value: 'city-network' },
        { label: 'Urban award', value: 'urban-award' },
        { label: 'UN body', value: 'un-body' },
        { label: 'Research', value: 'research' },
        { label: 'Knowledge platform', value: 'knowledge-platform' },
        { label: 'City government', value: 'city-government' },
        { label: 'Development agency', value: 'development-agency' },
      ],
    },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    urlField('website', 'Website'),
    { name: 'description', type: 'textarea', localized: true, maxLength: 3000 },
    { type: 'row', fields: [yearField('founded', 'Founded', { index: false }), yearField('activeSince', 'Active since'), yearField('activeUntil', 'Active until')] },
    licenceField('defaultLicence', { admin: { description: 'Licence of the case studies this partner contributes, unless a case says otherwise.' } }),
    sidebar({ name: 'contact', type: 'relationship', relationTo: 'citymakers', access: { read: staffOnlyField } }),
    sidebar({
      name: 'trustLevel',
      type: 'select',
      required: true,
      defaultValue: 'review-required',
      options: [
        { label: 'Review required', value: 'review-required' },
        { label: 'Trusted (imports publish directly)', value: 'trusted' },
      ],
      access: { read: staffOnlyField },
    }),
    {
      name: 'feed',
      type: 'group',
      access: { read: staffOnlyField },
      fields: [
        { name: 'format', type: 'select', options: [{ label: 'JSON', value: 'json' }, { label: 'CSV', value: 'csv' }] },
        urlField('url', 'Feed URL'),
        { name: 'schedule', type: 'text', maxLength: 100, admin: { description: 'Cron expression, e.g. "0 3 * * *".' } },
        { name: 'lastRunAt', type: 'date', admin: { readOnly: true } },
        { name: 'lastStatus', type: 'text', admin: { readOnly: true } },
      ],
    },
    { name: 'caseStudies', type: 'join', collection: 'case-studies', on: 'provenance.sourcePartner' },
  ],
}
