import type { CollectionAfterChangeHook } from 'payload'

import { refreshSearchFor } from '../src/lib/search'

type Referenced = 'cities' | 'topics' | 'partners'

/** The fields of each collection that case-study search rows copy (names, country, region, location; a city only while published). */
const COPIED: Record<Referenced, string[]> = {
  cities: ['name', 'country', 'region', 'location', '_status'],
  topics: ['name'],
  partners: ['name'],
}

/**
 * A renamed city, topic or partner must be found under its new name (and a city an editor
 * publishes must show in its cases' facets): rebuilds the search rows of
 * the cases that refer to it, in the same transaction. Only when a copied field changed, since a
 * city may have thousands of cases. Imports that rebuild the rows themselves pass
 * `context.skipSearchIndex`.
 */
export const reindexReferencingCases =
  (collection: Referenced): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req, context }) => {
    if (operation !== 'update' || context?.skipSearchIndex) return doc
    const changed = COPIED[collection].some((field) => JSON.stringify(doc[field] ?? null) !== JSON.stringify(previousDoc?.[field] ?? null))
    if (changed) await refreshSearchFor(req.payload, { collection, ids: [Number(doc.id)] }, req)
    return doc
  }
