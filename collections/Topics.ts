import { APIError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { anyone, staff, hiddenFromNonStaff } from '../access'
import { preventReferencedDelete } from '../hooks/preventReferencedDelete'
import { reindexReferencingCases } from '../hooks/reindexReferencingCases'
import { mergeEndpoint } from '../src/endpoints/merge'
import { sidebar } from './fields/common'
import { slugField } from './fields/slug'
import { idOf } from '../src/lib/ids'


/** Keeps `path` ("mobility/cycling") and `depth` current and refuses a parent that would make a loop. */
const resolveHierarchy: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const chain: string[] = [data.slug ?? originalDoc?.slug]
  let parentId = idOf(data.parent)
  const seen = new Set<number | string>(originalDoc?.id ? [originalDoc.id] : [])
  while (parentId) {
    if (seen.has(parentId)) throw new APIError('Parent topic would create a loop in the topic hierarchy', 400, undefined, true)
    seen.add(parentId)
    const parent = await req.payload.findByID({ collection: 'topics', id: parentId, depth: 0, req, select: { slug: true, parent: true, scheme: true } })
    if (parent.scheme !== (data.scheme ?? originalDoc?.scheme)) {
      throw new APIError(`Parent topic must be of the same scheme (${parent.scheme})`, 400, undefined, true)
    }
    chain.unshift(parent.slug as string)
    parentId = idOf(parent.parent)
  }
  data.path = chain.join('/')
  data.depth = chain.length - 1
  return data
}

export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: 'Topic', plural: 'Topics' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'name', defaultColumns: ['name', 'scheme', 'path', 'order'], group: 'Reference data' },
  defaultSort: 'order',
  defaultPopulate: { name: true, slug: true, scheme: true, path: true },
  access: { read: anyone, create: staff, update: staff, delete: staff },
  hooks: {
    beforeChange: [resolveHierarchy],
    afterChange: [reindexReferencingCases('topics')],
    beforeDelete: [preventReferencedDelete('topics')],
  },
  endpoints: [mergeEndpoint('topics')],
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 120 },
    { name: 'description', type: 'textarea', localized: true, maxLength: 1000 },
    slugField('name'),
    sidebar({
      name: 'scheme',
      type: 'select',
      required: true,
      defaultValue: 'topic',
      index: true,
      options: [
        { label: 'Topic', value: 'topic' },
        { label: 'Instrument', value: 'instrument' },
        { label: 'Target group', value: 'target-group' },
      ],
    }),
    sidebar({ name: 'parent', type: 'relationship', relationTo: 'topics', index: true }),
    sidebar({ name: 'path', type: 'text', index: true, admin: { readOnly: true, description: 'Breadcrumb of slugs from the top.' } }),
    sidebar({ name: 'depth', type: 'number', admin: { readOnly: true, hidden: true } }),
    sidebar({ name: 'order', type: 'number', defaultValue: 0, index: true }),
    { name: 'relatedTargets', label: 'Related SDG targets', type: 'relationship', relationTo: 'sdg-targets', hasMany: true },
    { name: 'synonyms', type: 'text', hasMany: true, maxRows: 30, admin: { description: 'Other words readers search for.' } },
    { name: 'children', type: 'join', collection: 'topics', on: 'parent' },
  ],
}
