import { APIError, type CollectionBeforeDeleteHook, type CollectionSlug, type PayloadRequest, type Where } from 'payload'

/**
 * Where each piece of reference data is used. Deleting a referenced document would silently drop
 * it from every case (Payload's relationship tables cascade), so a delete is refused instead and
 * editors merge the document into another one (see `src/endpoints/merge.ts`).
 */
export const REFERENCES: Partial<Record<CollectionSlug, Array<{ collection: CollectionSlug; path: string }>>> = {
  cities: [
    { collection: 'case-studies', path: 'cities' },
    { collection: 'citymakers', path: 'city' },
    { collection: 'articles', path: 'cities' },
  ],
  topics: [
    { collection: 'case-studies', path: 'topics' },
    { collection: 'case-studies', path: 'instruments' },
    { collection: 'case-studies', path: 'targetGroups' },
    { collection: 'citymakers', path: 'expertiseTopics' },
    { collection: 'articles', path: 'topics' },
    { collection: 'topics', path: 'parent' },
  ],
  sdgs: [
    { collection: 'case-studies', path: 'sdgs' },
    { collection: 'case-studies', path: 'primarySdg' },
    { collection: 'citymakers', path: 'sdgInterests' },
    { collection: 'articles', path: 'sdgs' },
    { collection: 'sdg-targets', path: 'goal' },
  ],
  'sdg-targets': [
    { collection: 'case-studies', path: 'sdgTargets' },
    { collection: 'sdg-indicators', path: 'target' },
    { collection: 'topics', path: 'relatedTargets' },
  ],
  partners: [
    { collection: 'case-studies', path: 'provenance.sourcePartner' },
    { collection: 'awards', path: 'organiser' },
    { collection: 'articles', path: 'partners' },
    { collection: 'cities', path: 'networks.partner' },
  ],
  awards: [{ collection: 'case-studies', path: 'awards.award' }],
}

export async function countReferences(slug: CollectionSlug, id: number | string, req: PayloadRequest) {
  const uses: Array<{ collection: CollectionSlug; path: string; count: number }> = []
  for (const ref of REFERENCES[slug] ?? []) {
    const where: Where = { [ref.path]: { equals: id } }
    const { totalDocs } = await req.payload.count({
      collection: ref.collection,
      where,
      req,
      // drafts of case studies count: they would lose the reference too
      ...(ref.collection === 'case-studies' || ref.collection === 'articles' ? { draft: true } : {}),
    } as Parameters<typeof req.payload.count>[0])
    if (totalDocs > 0) uses.push({ ...ref, count: totalDocs })
  }
  return uses
}

export const preventReferencedDelete =
  (slug: CollectionSlug): CollectionBeforeDeleteHook =>
  async ({ collection, id, req }) => {
    const uses = await countReferences(slug, id, req)
    if (uses.length === 0) return
    const total = uses.reduce((sum, use) => sum + use.count, 0)
    const detail = uses.map((use) => `${use.count} in ${use.collection}.${use.path}`).join(', ')
    // "City", "SDG target" -> "city", "SDG target" (a slug minus its "s" would give "citie")
    const singular = typeof collection.labels?.singular === 'string' ? collection.labels.singular : slug
    const noun = singular.replace(/^[A-Z](?=[a-z])/, (initial) => initial.toLowerCase())
    throw new APIError(
      `This ${noun} is still used by ${total} document${total === 1 ? '' : 's'} (${detail}); merge it into another one instead of deleting it`,
      409,
      { uses },
      true,
    )
  }
