import type { CollectionConfig, Field } from 'payload'

import { authenticated, nobodyField, staffOnlyField } from '../../access'
import { isStaffUser } from '../../access/roles'
import { caseFeedEndpoints } from '../../src/endpoints/case-feeds'
import { exportEndpoint } from '../../src/endpoints/export'
import { geoEndpoint } from '../../src/endpoints/geo'
import { relatedEndpoint } from '../../src/endpoints/related'
import { searchEndpoint } from '../../src/endpoints/search'
import { workflowEndpoint } from '../../src/endpoints/workflow'
import { year as checkYear } from '../../src/lib/validation'
import { LANGUAGES, requiredInDefaultLocale, licenceField, locationField, linksField, moneyField, numberCheck, sidebar, textCheck, urlField, yearField } from '../fields/common'
import { slugField } from '../fields/slug'
import {
  deleteCaseStudies,
  enforceWorkflow,
  readCaseStudies,
  readCaseStudyVersions,
  recordTransition,
  deleteCaseRecords,
  updateCaseStudies,
} from './workflow'
import { assignAuthor, indexForSearch, initTranslationStatus, noteEditorialEdit, refuseDuplicateExternalId, scoreCompleteness, syncSdgGoals } from './hooks'
import {
  ACTOR_TYPES,
  AWARD_RESULTS,
  FUNDER_TYPES,
  PROJECT_AREAS,
  PROJECT_STATUSES,
  SECTIONS,
  SOURCE_TYPES,
  TRANSLATION_STATES,
  WORKFLOW_STATES,
} from './options'

const mediaItem = (name: string, label: string): Field => ({
  name,
  label,
  type: 'array',
  maxRows: 30,
  fields: [
    { name: 'image', type: 'upload', relationTo: 'media', required: true },
    { name: 'caption', type: 'text', localized: true, maxLength: 300 },
    { name: 'credit', type: 'text', maxLength: 200 },
    licenceField(),
  ],
})

export const CaseStudies: CollectionConfig = {
  slug: 'case-studies',
  labels: { singular: 'Case study', plural: 'Case studies' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'workflowState', 'author', 'cities', 'updatedAt'],
    listSearchableFields: ['title', 'slug'],
    components: { edit: { PublishButton: '/src/components/admin/PublishButton#PublishButton' } },
    // citymakers working in the admin panel see their own cases, not the published catalogue
    baseFilter: ({ req }) => (isStaffUser(req.user) || !req.user ? null : { author: { equals: req.user.id } }),
    group: 'Content',
  },
  versions: { drafts: { schedulePublish: false }, maxPerDoc: 50 },
  endpoints: [searchEndpoint, ...caseFeedEndpoints, exportEndpoint, geoEndpoint, relatedEndpoint, workflowEndpoint],
  defaultPopulate: { title: true, slug: true, teaser: true, cities: true, heroImage: true, sdgs: true, workflowState: true },
  access: {
    read: readCaseStudies,
    readVersions: readCaseStudyVersions,
    create: authenticated,
    update: updateCaseStudies,
    delete: deleteCaseStudies,
  },
  hooks: {
    beforeChange: [assignAuthor, enforceWorkflow, syncSdgGoals, initTranslationStatus, scoreCompleteness, refuseDuplicateExternalId, noteEditorialEdit],
    afterChange: [recordTransition, indexForSearch],
    beforeDelete: [deleteCaseRecords],
  },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Overview',
          fields: [
            { name: 'title', type: 'text', required: true, localized: true, minLength: 3, maxLength: 200 },
            { name: 'teaser', type: 'textarea', localized: true, maxLength: 300, admin: { description: 'One sentence for lists and cards.' } },
            { name: 'summary', type: 'textarea', localized: true, maxLength: 2000 },
            { name: 'heroImage', type: 'upload', relationTo: 'media' },
          ],
        },
        {
          label: 'Story',
          fields: [
            {
              name: 'sections',
              type: 'group',
              fields: SECTIONS.map(([name, label]) => ({ name, label, type: 'richText', localized: true }) as Field),
            },
          ],
        },
        {
          label: 'Place & time',
          fields: [
            {
              name: 'cities',
              type: 'relationship',
              relationTo: 'cities',
              hasMany: true,
              index: true,
              admin: { description: 'The first city is the primary one.' },
            },
            { name: 'projectArea', type: 'select', options: PROJECT_AREAS, index: true },
            locationField(),
            {
              type: 'row',
              fields: [
                { name: 'projectStatus', type: 'select', options: PROJECT_STATUSES, index: true },
                yearField('startYear', 'Start year'),
                yearField('endYear', 'End year', {
                  validate: (value: unknown, { siblingData }: { siblingData: unknown }) => {
                    const base = checkYear(value, 'End year')
                    if (base !== true || value === null || value === undefined) return base
                    const data = siblingData as { startYear?: number; projectStatus?: string }
                    if (data.projectStatus === 'ongoing' || data.projectStatus === 'planned') {
                      return `End year must be empty while the project is ${data.projectStatus}`
                    }
                    if (typeof data.startYear === 'number' && (value as number) < data.startYear) {
                      return `End year (${value}) must not be before the start year (${data.startYear})`
                    }
                    return true
                  },
                }),
              ],
            },
          ],
        },
        {
          label: 'Actors & funding',
          fields: [
            { name: 'actorTypes', type: 'select', hasMany: true, options: ACTOR_TYPES },
            { name: 'leadOrganisation', type: 'text', maxLength: 200 },
            { name: 'partnerOrganisations', type: 'text', hasMany: true, maxRows: 30 },
            {
              name: 'contacts',
              type: 'array',
              maxRows: 10,
              admin: { description: 'A citymaker, or name, role and organisation of someone who is not a member.' },
              fields: [
                { name: 'citymaker', type: 'relationship', relationTo: 'citymakers' },
                { name: 'name', type: 'text', maxLength: 120 },
                { name: 'role', type: 'text', maxLength: 120 },
                { name: 'organisation', type: 'text', maxLength: 200 },
              ],
              validate: (rows: unknown) => {
                for (const [index, row] of ((rows as Array<Record<string, unknown>>) ?? []).entries()) {
                  if (!row.citymaker && !row.name) return `Contact ${index + 1} needs a citymaker or a name`
                }
                return true
              },
            },
            {
              name: 'funding',
              type: 'group',
              fields: [
                { name: 'funderTypes', type: 'select', hasMany: true, options: FUNDER_TYPES },
                ...(moneyField('budget', 'Budget').fields),
              ],
            },
          ],
        },
        {
          label: 'Classification',
          fields: [
            { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, index: true, filterOptions: { scheme: { equals: 'topic' } } },
            { name: 'instruments', type: 'relationship', relationTo: 'topics', hasMany: true, filterOptions: { scheme: { equals: 'instrument' } } },
            { name: 'targetGroups', type: 'relationship', relationTo: 'topics', hasMany: true, filterOptions: { scheme: { equals: 'target-group' } } },
            { name: 'sdgs', label: 'SDGs', type: 'relationship', relationTo: 'sdgs', hasMany: true, index: true, admin: { description: 'Goals of the chosen targets are added automatically.' } },
            { name: 'sdgTargets', label: 'SDG targets', type: 'relationship', relationTo: 'sdg-targets', hasMany: true, index: true },
            { name: 'primarySdg', label: 'Primary SDG', type: 'relationship', relationTo: 'sdgs', index: true },
          ],
        },
        {
          label: 'Impact & awards',
          fields: [
            {
              name: 'impactMetrics',
              type: 'array',
              maxRows: 20,
              fields: [
                { name: 'indicator', type: 'text', localized: true, maxLength: 300, validate: requiredInDefaultLocale('Impact metric indicator') },
                { name: 'sdgIndicator', label: 'SDG indicator', type: 'relationship', relationTo: 'sdg-indicators' },
                { type: 'row', fields: [
                  { name: 'baseline', type: 'number' },
                  { name: 'value', type: 'number', required: true },
                  { name: 'unit', type: 'text', maxLength: 40 },
                  yearField('year', 'Metric year', { index: false }),
                ] },
                { name: 'source', type: 'text', maxLength: 300 },
              ],
            },
            {
              name: 'awards',
              type: 'array',
              maxRows: 20,
              fields: [
                { name: 'award', type: 'relationship', relationTo: 'awards', required: true, index: true },
                { name: 'result', type: 'select', options: AWARD_RESULTS, required: true },
              ],
            },
          ],
        },
        {
          label: 'Media & links',
          fields: [
            mediaItem('gallery', 'Gallery'),
            {
              name: 'videos',
              type: 'array',
              maxRows: 10,
              fields: [urlField('url', 'Video URL', { required: true }), { name: 'title', type: 'text', localized: true, maxLength: 200 }],
            },
            {
              name: 'files',
              type: 'array',
              maxRows: 20,
              fields: [{ name: 'file', type: 'upload', relationTo: 'media', required: true }, { name: 'title', type: 'text', localized: true, maxLength: 200 }],
            },
            linksField(),
          ],
        },
        {
          label: 'Relations',
          fields: [
            { name: 'relatedCases', type: 'relationship', relationTo: 'case-studies', hasMany: true, maxRows: 12 },
            { name: 'adaptedFrom', type: 'relationship', relationTo: 'case-studies', hasMany: true, admin: { description: 'Cases this one transferred from.' } },
            { name: 'adaptedBy', type: 'join', collection: 'case-studies', on: 'adaptedFrom', admin: { description: 'Cases that transferred this one.' } },
          ],
        },
        {
          label: 'Provenance',
          fields: [
            {
              name: 'provenance',
              type: 'group',
              fields: [
                { name: 'sourceType', type: 'select', options: SOURCE_TYPES, defaultValue: 'community', index: true },
                // who a case came from is the import's (or an editor's) statement, not the author's
                { name: 'sourcePartner', type: 'relationship', relationTo: 'partners', index: true, access: { create: staffOnlyField, update: staffOnlyField } },
                { name: 'externalId', type: 'text', maxLength: 200, index: true, access: { create: staffOnlyField, update: staffOnlyField } },
                urlField('sourceUrl', 'Source URL'),
                licenceField(),
                { name: 'retrievedAt', type: 'date' },
                { name: 'contentHash', type: 'text', maxLength: 128, access: { read: staffOnlyField, create: staffOnlyField, update: staffOnlyField } },
                // written by feed imports (src/feeds/engine.ts) only
                { name: 'firstImportedAt', type: 'date', admin: { readOnly: true }, access: { create: nobodyField, update: nobodyField } },
                { name: 'lastImportedAt', type: 'date', admin: { readOnly: true }, access: { create: nobodyField, update: nobodyField } },
                { name: 'lastImport', type: 'relationship', relationTo: 'imports', admin: { readOnly: true }, access: { read: staffOnlyField, create: nobodyField, update: nobodyField } },
                {
                  name: 'editedAt',
                  type: 'date',
                  admin: { readOnly: true, description: 'Last change of imported content by a person; the next import does not overwrite it.' },
                  access: { create: nobodyField, update: nobodyField },
                },
              ],
            },
          ],
        },
      ],
    },
    sidebar({
      name: 'workflowActions',
      type: 'ui',
      admin: { components: { Field: '/src/components/admin/WorkflowActions#WorkflowActions' } },
    }),
    slugField('title'),
    sidebar({
      name: 'workflowState',
      type: 'select',
      options: WORKFLOW_STATES,
      defaultValue: 'draft',
      required: true,
      index: true,
      admin: { description: 'Changed through the workflow actions (submit, request changes, publish, archive).' },
      access: { create: staffOnlyField, update: staffOnlyField },
    }),
    sidebar({ name: 'author', type: 'relationship', relationTo: 'citymakers', index: true, access: { create: staffOnlyField, update: staffOnlyField } }),
    sidebar({ name: 'originalLanguage', type: 'select', options: LANGUAGES.filter((l) => ['en', 'de', 'fr', 'es'].includes(l.value)), defaultValue: 'en', required: true, index: true }),
    sidebar({
      name: 'translations',
      type: 'group',
      admin: { description: 'State of each locale.' },
      fields: ['en', 'de', 'fr', 'es'].map((locale) => ({ name: locale, type: 'select', options: TRANSLATION_STATES, defaultValue: 'missing' }) as Field),
    }),
    sidebar({
      name: 'completeness',
      type: 'group',
      admin: { readOnly: true, description: 'Computed on save from the weighted sections and fields.' },
      fields: [
        { name: 'score', type: 'number', min: 0, max: 100, index: true, admin: { readOnly: true } },
        { name: 'missing', type: 'text', hasMany: true, admin: { readOnly: true } },
      ],
    }),
    sidebar({ name: 'featured', type: 'checkbox', defaultValue: false, index: true, access: { create: staffOnlyField, update: staffOnlyField } }),
    sidebar({ name: 'authorLeft', type: 'checkbox', defaultValue: false, admin: { readOnly: true, description: 'The author deleted their account; shown as a former member.' }, access: { create: staffOnlyField, update: staffOnlyField } }),
    sidebar({ name: 'demo', type: 'checkbox', defaultValue: false, index: true, admin: { readOnly: true, description: 'Demo content, not a real case.' }, access: { create: staffOnlyField, update: staffOnlyField } }),
    sidebar({ name: 'lastReviewedAt', type: 'date', access: { create: staffOnlyField, update: staffOnlyField } }),
    sidebar({
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { readOnly: true, description: 'First publication; feeds and "newest" sort by it.' },
      access: { create: staffOnlyField, update: staffOnlyField },
    }),
  ],
  indexes: [{ fields: ['provenance.sourcePartner', 'provenance.externalId'], unique: true }],
}
