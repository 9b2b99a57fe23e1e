import type { FieldHook } from 'payload'

import { slugify } from '../src/lib/slugify'

/**
 * Generates a slug from another field on create (or while the slug is still empty) and never
 * afterwards: published links must survive a renamed title. A taken slug gets a numeric suffix.
 */
export const generateSlug =
  (sourceField: string): FieldHook =>
  async ({ value, data, originalDoc, operation, req, collection }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    if (operation === 'update' && originalDoc?.slug) return originalDoc.slug
    const raw = data?.[sourceField] ?? originalDoc?.[sourceField]
    const source = typeof raw === 'object' && raw !== null ? (raw.en ?? Object.values(raw)[0]) : raw
    if (typeof source !== 'string' || source.trim() === '') return value
    const base = slugify(source) || 'untitled'
    if (!collection) return base
    for (let attempt = 1; attempt < 50; attempt += 1) {
      const candidate = attempt === 1 ? base : `${base}-${attempt}`
      const taken = await req.payload.count({
        collection: collection.slug as 'case-studies',
        where: { slug: { equals: candidate }, ...(originalDoc?.id ? { id: { not_equals: originalDoc.id } } : {}) },
        // the main table holds drafts too: a draft's slug is reserved the moment it exists
        req,
      })
      if (taken.totalDocs === 0) return candidate
    }
    return `${base}-${Date.now().toString(36)}`
  }
