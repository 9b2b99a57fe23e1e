import type { CollectionConfig } from 'payload'

import { publishedOrStaff, staff, staffOnlyField, hiddenFromNonStaff } from '../access'
import { urlField } from './fields/common'
import { slugField } from './fields/slug'
import { sidebar } from './fields/common'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: 'Article', plural: 'Articles' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'title', defaultColumns: ['title', 'type', 'publishedAt', '_status'], group: 'Content' },
  defaultSort: '-publishedAt',
  versions: { drafts: true, maxPerDoc: 30 },
  defaultPopulate: { title: true, slug: true, type: true, teaser: true, heroImage: true, publishedAt: true },
  access: { read: publishedOrStaff, create: staff, update: staff, delete: staff },
  fields: [
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'news',
      options: [
        { label: 'News', value: 'news' },
        { label: 'Interview', value: 'interview' },
        { label: 'Event', value: 'event' },
        { label: 'Award report', value: 'award-report' },
      ],
    },
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 200 },
    slugField('title'),
    { name: 'teaser', type: 'textarea', localized: true, maxLength: 300 },
    { name: 'body', type: 'richText', localized: true },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    sidebar({ name: 'authors', type: 'relationship', relationTo: 'citymakers', hasMany: true }),
    sidebar({ name: 'demo', type: 'checkbox', defaultValue: false, index: true, admin: { readOnly: true, description: 'Demo content, not a real case.' }, access: { create: staffOnlyField, update: staffOnlyField } }),
    sidebar({ name: 'publishedAt', type: 'date', index: true }),
    {
      name: 'event',
      type: 'group',
      admin: { condition: (data) => data?.type === 'event' },
      fields: [
        { type: 'row', fields: [{ name: 'start', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }, {
          name: 'end',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            !value || !siblingData.start || new Date(value as string) >= new Date(siblingData.start as string)
              ? true
              : 'Event end must not be before the event start',
        }] },
        { name: 'venue', type: 'text', maxLength: 300 },
        urlField('onlineUrl', 'Online link'),
        urlField('registrationUrl', 'Registration link'),
      ],
    },
    {
      name: 'interviewee',
      type: 'group',
      admin: { condition: (data) => data?.type === 'interview' },
      fields: [
        { name: 'citymaker', type: 'relationship', relationTo: 'citymakers' },
        { name: 'name', type: 'text', maxLength: 200 },
      ],
    },
    { name: 'relatedCases', type: 'relationship', relationTo: 'case-studies', hasMany: true },
    { name: 'cities', type: 'relationship', relationTo: 'cities', hasMany: true, index: true },
    { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, index: true },
    { name: 'sdgs', label: 'SDGs', type: 'relationship', relationTo: 'sdgs', hasMany: true, index: true },
    { name: 'partners', type: 'relationship', relationTo: 'partners', hasMany: true, index: true },
  ],
}
