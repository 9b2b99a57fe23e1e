import { ValidationError, type CollectionBeforeOperationHook, type CollectionConfig, type CollectionBeforeChangeHook } from 'payload'

import { publishedOrStaff, staff, hiddenFromNonStaff } from '../access'
import { preventReferencedDelete } from '../hooks/preventReferencedDelete'
import { reindexReferencingCases } from '../hooks/reindexReferencingCases'
import { mergeEndpoint } from '../src/endpoints/merge'
import { countryOptions, regionOf, M49_REGION_OPTIONS } from '../src/lib/geography'
import { nameKey } from '../src/lib/slugify'
import { countryCode } from '../src/lib/validation'
import { locationField, selectCheck, sidebar, textCheck, yearField } from './fields/common'
import { slugField } from './fields/slug'

/** Region and sub-region follow from the country (UN M49); nobody types them by hand. */
const deriveRegion: CollectionBeforeChangeHook = ({ data }) => {
  if (data.country) Object.assign(data, regionOf(data.country))
  return data
}

/** "Zürich"/"zurich"/"ZURICH" in one country are one city. */
const deriveNameKey: CollectionBeforeChangeHook = ({ data, req, originalDoc }) => {
  const name = typeof data.name === 'string' ? data.name : undefined
  // the key follows the default-locale name only
  if (name && (req.locale === 'en' || !originalDoc?.nameKey)) data.nameKey = nameKey(name)
  return data
}

/** The unique index on (nameKey, country) guarantees it; this names the field in the answer. */
const refuseDuplicateCity: CollectionBeforeChangeHook = async ({ data, req, originalDoc }) => {
  const key = data.nameKey ?? originalDoc?.nameKey
  const country = data.country ?? originalDoc?.country
  // an invalid country is the country field's own error (and not a value of the column's enum)
  if (!key || !country || countryCode(country, 'Country') !== true) return data
  const { totalDocs } = await req.payload.count({
    collection: 'cities',
    where: { and: [{ nameKey: { equals: key } }, { country: { equals: country } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) return data
  throw new ValidationError(
    { collection: 'cities', errors: [{ path: 'name', label: 'Name', message: `Name "${data.name ?? key}" is already taken by a city in ${country} (compared without case and accents)` }], req },
    req.t,
  )
}

/**
 * Cities have drafts so that the ones a partner feed brings (src/feeds/engine.ts) wait for an
 * editor before the public sees them. Whoever creates a city without saying (the API, the seed)
 * publishes it, as before drafts; the admin panel always says (Save draft or Publish).
 */
const publishUnlessDraft: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create') return args
  const create = args as { draft?: boolean; data?: { _status?: string } }
  if (!create.draft && create.data && create.data._status === undefined) create.data._status = 'published'
  return args
}

export const Cities: CollectionConfig = {
  slug: 'cities',
  labels: { singular: 'City', plural: 'Cities' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'name', defaultColumns: ['name', 'country', 'region', '_status', 'population.value'], group: 'Reference data' },
  defaultPopulate: { name: true, slug: true, country: true, region: true, location: true },
  access: { read: publishedOrStaff, readVersions: staff, create: staff, update: staff, delete: staff },
  versions: { drafts: true, maxPerDoc: 20 },
  hooks: {
    beforeOperation: [publishUnlessDraft],
    beforeChange: [deriveRegion, deriveNameKey, refuseDuplicateCity],
    afterChange: [reindexReferencingCases('cities')],
    beforeDelete: [preventReferencedDelete('cities')],
  },
  endpoints: [mergeEndpoint('cities')],
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 120 },
    slugField('name'),
    {
      name: 'country',
      type: 'select',
      required: true,
      index: true,
      options: countryOptions(),
      validate: selectCheck(countryCode, 'Country'),
    },
    sidebar({ name: 'region', type: 'select', options: M49_REGION_OPTIONS, index: true, admin: { readOnly: true, description: 'UN M49, from the country.' } }),
    sidebar({ name: 'subRegion', type: 'select', options: M49_REGION_OPTIONS, index: true, admin: { readOnly: true } }),
    locationField(),
    {
      name: 'population',
      type: 'group',
      fields: [
        { type: 'row', fields: [
          { name: 'value', type: 'number', min: 0 },
          yearField('year', 'Population year', { index: false }),
          { name: 'source', type: 'text', maxLength: 200 },
        ] },
      ],
    },
    {
      name: 'networks',
      type: 'array',
      labels: { singular: 'Network membership', plural: 'Network memberships' },
      fields: [
        { type: 'row', fields: [
          { name: 'partner', type: 'relationship', relationTo: 'partners', required: true },
          yearField('since', 'Member since', { index: false }),
        ] },
      ],
    },
    sidebar({ name: 'geonamesId', label: 'GeoNames id', type: 'number', unique: true, min: 1 }),
    sidebar({
      name: 'wikidataId',
      label: 'Wikidata id',
      type: 'text',
      unique: true,
      validate: textCheck((v, label) => (v == null || v === '' || /^Q[1-9]\d*$/.test(String(v)) ? true : `${label} must look like Q64`), 'Wikidata id'),
    }),
    { name: 'nameKey', type: 'text', index: true, admin: { hidden: true }, access: { update: () => false, create: () => false } },
    { name: 'caseStudies', type: 'join', collection: 'case-studies', on: 'cities' },
    { name: 'citymakers', type: 'join', collection: 'citymakers', on: 'city' },
  ],
  indexes: [{ fields: ['nameKey', 'country'], unique: true }],
}
