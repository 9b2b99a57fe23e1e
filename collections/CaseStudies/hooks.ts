import { isValidID, ValidationError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'

import { computeCompleteness } from '../../src/lib/completeness'
import { idOf } from '../../src/lib/ids'
import { refreshSearch } from '../../src/lib/search'


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

/**
 * The texts that count are those of the case's original language: `data` holds the locale being
 * saved, so saving a translation must not score the translation's (often still empty) texts.
 */
export const scoreCompleteness: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  let doc = data
  const original = data.originalLanguage ?? originalDoc?.originalLanguage ?? 'en'
  if (originalDoc?.id && req.locale && req.locale !== 'all' && req.locale !== original) {
    // the local API sets req.locale to the locale it is asked for: keep the request's own
    const { locale, fallbackLocale } = req
    try {
      const stored = await req.payload.findByID({
        collection: 'case-studies',
        id: originalDoc.id,
        locale: original,
        depth: 0,
        draft: true,
        overrideAccess: true,
        select: { title: true, teaser: true, summary: true, sections: true },
        req,
      })
      doc = { ...data, title: stored.title, teaser: stored.teaser, summary: stored.summary, sections: stored.sections }
    } finally {
      Object.assign(req, { locale, fallbackLocale })
    }
  }
  const { score, missing } = computeCompleteness(doc)
  data.completeness = { score, missing }
  return data
}

/**
 * One case per partner and external id: the unique index guarantees it, this names the field
 * in the answer instead of the index's columns.
 */
export const refuseDuplicateExternalId: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const provenance = data.provenance ?? originalDoc?.provenance
  const partner = idOf(provenance?.sourcePartner)
  const externalId = provenance?.externalId
  // a partner id of the wrong type is the field's own error
  if (!partner || !isValidID(partner, req.payload.db.defaultIDType) || typeof externalId !== 'string' || externalId === '') return data
  const { totalDocs } = await req.payload.count({
    collection: 'case-studies',
    where: {
      and: [
        { 'provenance.sourcePartner': { equals: partner } },
        { 'provenance.externalId': { equals: externalId } },
        ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) return data
  throw new ValidationError(
    {
      collection: 'case-studies',
      errors: [{ path: 'provenance.externalId', label: 'External id', message: `External id "${externalId}" is already used by another case study of this partner` }],
      req,
    },
    req.t,
  )
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

/**
 * Keeps `case_study_search` current: rebuilds the case's row in the request's transaction, so it
 * commits (or rolls back) with the change. Bulk imports may pass `context.skipSearchIndex` and
 * call `refreshSearch` once at the end. Deleted cases lose their row by ON DELETE CASCADE.
 */
export const indexForSearch: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context?.skipSearchIndex) return doc
  await refreshSearch(req.payload, [doc.id as number], req)
  return doc
}

/** The fields a partner feed writes (src/feeds/engine.ts); a person's change to one of them is an edit. */
const FEED_FIELDS = [
  'title', 'teaser', 'summary', 'sections', 'cities', 'topics', 'instruments', 'targetGroups', 'sdgs', 'sdgTargets',
  'projectStatus', 'projectArea', 'startYear', 'endYear', 'leadOrganisation', 'location', 'originalLanguage',
] as const

const comparable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((item) => (item && typeof item === 'object' && 'id' in item ? item.id : comparable(item)))
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([key, v]) => key !== 'id' && v !== null && v !== undefined)
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([key, v]) => [key, comparable(v)]))
  }
  return value ?? null
}

/**
 * An imported case that a person changes (an editor's correction, a translation in the original
 * language) is marked `provenance.editedAt`, so the next import of a changed record reports a
 * conflict instead of overwriting the edit. Imports write with SQL and never pass here;
 * workflow transitions change none of these fields.
 */
export const noteEditorialEdit: CollectionBeforeChangeHook = ({ data, originalDoc, operation, context }) => {
  if (operation !== 'update' || context.feedImport || !originalDoc?.provenance?.lastImportedAt) return data
  const changed = FEED_FIELDS.some((field) => field in data && JSON.stringify(comparable(data[field])) !== JSON.stringify(comparable(originalDoc[field])))
  if (changed) data.provenance = { ...(data.provenance ?? {}), editedAt: new Date().toISOString() }
  return data
}
