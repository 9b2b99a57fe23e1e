import type { CollectionConfig } from 'payload'

import { nobody, staff, hiddenFromNonStaff } from '../access'

/**
 * The log of partner-feed imports (src/feeds): one document per run, written by the importer
 * only (CLI and `POST /api/feeds/:partner/import`), with its progress, counts and per-record
 * problems. Staff read it; a partner reads its own imports through `GET /api/feeds/imports/:id`.
 */
export const Imports: CollectionConfig = {
  slug: 'imports',
  labels: { singular: 'Import', plural: 'Imports' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'source', defaultColumns: ['partner', 'status', 'startedAt', 'startedBy', 'source'], group: 'Content' },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-startedAt',
  fields: [
    { name: 'partner', type: 'relationship', relationTo: 'partners', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'running',
      index: true,
      options: [
        { label: 'Running', value: 'running' },
        { label: 'Completed', value: 'completed' },
        { label: 'Failed', value: 'failed' },
      ],
    },
    { name: 'dryRun', type: 'checkbox', defaultValue: false },
    { name: 'retireMissing', type: 'checkbox', defaultValue: false },
    { name: 'format', type: 'select', options: [{ label: 'JSON', value: 'json' }, { label: 'CSV', value: 'csv' }] },
    { name: 'source', type: 'text', maxLength: 300, admin: { description: 'File name, or "api".' } },
    { name: 'startedBy', type: 'text', maxLength: 200, admin: { description: 'The partner account (API key), or who ran the CLI.' } },
    { name: 'startedAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'processed', type: 'number', defaultValue: 0, admin: { description: 'Records read so far.' } },
    {
      name: 'counts',
      type: 'group',
      fields: ['received', 'created', 'updated', 'unchanged', 'invalid', 'duplicates', 'conflicts', 'retired', 'citiesCreated'].map((name) => ({ name, type: 'number' as const, defaultValue: 0 })),
    },
    { name: 'message', type: 'textarea', admin: { description: 'Why the import failed, or warnings.' } },
    { name: 'errors', type: 'json', admin: { description: 'Rejected records: index, externalId and a message per field (at most 1,000).' } },
    { name: 'conflicts', type: 'json', admin: { description: 'Changed records not applied because an editor edited the case since the last import.' } },
    { name: 'createdCities', type: 'json', admin: { description: 'Cities the import created: please review them.' } },
    {
      name: 'refusedImages',
      type: 'json',
      admin: { description: 'Images the image job fetched afterwards and did not store: case, URL and why (at most 1,000).' },
    },
  ],
}
