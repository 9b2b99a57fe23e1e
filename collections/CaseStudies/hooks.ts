import type { CollectionBeforeChangeHook } from 'payload'

import { computeCompleteness } from '../../src/lib/completeness'

const idOf = (value: unknown): number | string | undefined =>
  value && typeof value === 'object' ? ((value as { id?: number | string }).id ?? undefined) : (value as number | string | undefined)

/** A target implies its goal, and the primary SDG is one of the case's SDGs. */
export const syncSdgGoals: CollectionBeforeChangeHook = async ({ data, req }) => {
  const goals = new Set((data.sdgs ?? []).map(idOf).filter(Boolean))
  const targetIds = (data.sdgTargets ?? []).map(idOf).filter(Boolean)
  if (targetIds.length > 0) {
    const targets = await req.payload.find({
      collection: 'sdg-targets',
      where: { id: { in: targetIds } },
      depth: 0,
      limit: targetIds.length,
      pagination: false,
      select: { goal: true },
      req,
    })
    for (const target of targets.docs) goals.add(idOf(target.goal))
  }
  const primary = idOf(data.primarySdg)
  if (primary) goals.add(primary)
  data.sdgs = [...goals]
  return data
}

export const scoreCompleteness: CollectionBeforeChangeHook = ({ data }) => {
  const { score, missing } = computeCompleteness(data)
  data.completeness = { score, missing }
  return data
}

/** The person who creates a case is its author unless staff name someone else. */
export const assignAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && !data.author && req.user?.collection === 'citymakers') data.author = req.user.id
  return data
}

/** Each locale starts as "missing" except the original language. */
export const initTranslationStatus: CollectionBeforeChangeHook = ({ data }) => {
  const original = data.originalLanguage ?? 'en'
  const status = { ...(data.translations ?? {}) }
  for (const locale of ['en', 'de', 'fr', 'es']) {
    if (locale === original) status[locale] = 'original'
    else if (!status[locale] || status[locale] === 'original') status[locale] = 'missing'
  }
  data.translations = status
  return data
}
