import { isValidID, ValidationError, type CollectionBeforeChangeHook, type CollectionSlug, type FlattenedField, type PayloadRequest } from 'payload'
import { toWords } from 'payload/shared'
import { idOf } from '../src/lib/ids'

type Reference = { collection: CollectionSlug; id: number | string; path: string; label: string }


/** Every relationship and upload value in `data`, with the path Payload reports errors under. */
function collect(fields: FlattenedField[], data: unknown, prefix: string, out: Reference[]): void {
  if (!data || typeof data !== 'object') return
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field.name]
    if (value === undefined || value === null) continue
    const path = `${prefix}${field.name}`
    if (field.type === 'relationship' || field.type === 'upload') {
      const label = typeof field.label === 'string' ? field.label : toWords(field.name)
      for (const each of Array.isArray(value) ? value : [value]) {
        const polymorphic = Array.isArray(field.relationTo)
        const collection = (polymorphic ? (each as { relationTo?: string })?.relationTo : field.relationTo) as CollectionSlug | undefined
        const id = idOf(polymorphic ? (each as { value?: unknown })?.value : each)
        if (collection && id !== undefined && id !== null && id !== '') out.push({ collection, id, path, label })
      }
    } else if (field.type === 'group' || field.type === 'tab') {
      collect(field.flattenedFields, value, `${path}.`, out)
    } else if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, index) => collect(field.flattenedFields, row, `${path}.${index}.`, out))
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      value.forEach((row, index) => {
        const block = field.blocks.find((b) => typeof b === 'object' && b.slug === (row as { blockType?: string })?.blockType)
        if (block) collect(block.flattenedFields, row, `${path}.${index}.`, out)
      })
    }
  }
}

async function missingReferences(references: Reference[], req: PayloadRequest): Promise<Reference[]> {
  const missing: Reference[] = []
  for (const collection of new Set(references.map((ref) => ref.collection))) {
    // ids of the wrong type (text for a numeric id) are left to Payload's own field validation
    const idType = req.payload.collections[collection]?.customIDType ?? req.payload.db.defaultIDType
    const wanted = references.filter((ref) => ref.collection === collection && isValidID(ref.id, idType))
    if (wanted.length === 0) continue
    const ids = [...new Set(wanted.map((ref) => ref.id))]
    const { docs } = await req.payload.find({
      collection,
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      // drafts are documents too
      draft: true,
      select: {},
      req,
    } as Parameters<typeof req.payload.find>[0])
    const found = new Set(docs.map((doc) => String(doc.id)))
    missing.push(...wanted.filter((ref) => !found.has(String(ref.id))))
  }
  return missing
}

/**
 * Refuses relationships to documents that do not exist. Payload only checks that an id has the
 * right type; without this, PostgreSQL's foreign key refuses the write with a 500 and the SQL
 * in the answer. Runs on drafts too, which skip field validation.
 */
export const requireExistingReferences: CollectionBeforeChangeHook = async ({ data, collection, req }) => {
  const references: Reference[] = []
  collect(collection.flattenedFields, data, '', references)
  if (references.length === 0) return data
  const missing = await missingReferences(references, req)
  if (missing.length === 0) return data
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: missing.map((ref) => ({
        path: ref.path,
        label: ref.label,
        message: `${ref.label} refers to a document that does not exist (${ref.collection} id ${ref.id})`,
      })),
      req,
    },
    req.t,
  )
}
