import { isLexicalEmpty } from './lexical'

/**
 * How complete a case study is, after OECD OPSI's "every section completed" rule: each item has
 * a weight, the score is the weighted share that is filled in, and `missing` tells the author
 * what to add next (heaviest first).
 */
type Doc = Record<string, any>

const filled = (value: unknown): boolean => {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object' && 'root' in (value as object)) return !isLexicalEmpty(value)
  return true
}

const text = (value: unknown) => (typeof value === 'object' && value !== null && !('root' in value) ? (value as Doc).en : value)

export const COMPLETENESS_ITEMS: Array<{ label: string; weight: number; test: (doc: Doc) => boolean }> = [
  { label: 'Title', weight: 4, test: (d) => filled(text(d.title)) },
  { label: 'Teaser', weight: 4, test: (d) => filled(text(d.teaser)) },
  { label: 'Summary', weight: 8, test: (d) => filled(text(d.summary)) },
  { label: 'Background & objectives', weight: 8, test: (d) => filled(d.sections?.background) },
  { label: 'Approach', weight: 8, test: (d) => filled(d.sections?.approach) },
  { label: 'Participation', weight: 6, test: (d) => filled(d.sections?.participation) },
  { label: 'Results & impact', weight: 8, test: (d) => filled(d.sections?.results) },
  { label: 'Challenges & lessons', weight: 6, test: (d) => filled(d.sections?.challenges) },
  { label: 'Transferability', weight: 6, test: (d) => filled(d.sections?.transferability) },
  { label: 'City', weight: 5, test: (d) => filled(d.cities) },
  // an empty location is still an object ({ lat: null, lng: null }), so look at the numbers
  { label: 'Location on the map', weight: 2, test: (d) => typeof d.location?.lat === 'number' && typeof d.location?.lng === 'number' },
  { label: 'Project status and start year', weight: 4, test: (d) => filled(d.projectStatus) && filled(d.startYear) },
  { label: 'Main actors', weight: 3, test: (d) => filled(d.actorTypes) && filled(d.leadOrganisation) },
  { label: 'Topics', weight: 5, test: (d) => filled(d.topics) },
  { label: 'SDGs', weight: 5, test: (d) => filled(d.sdgs) },
  { label: 'SDG targets', weight: 3, test: (d) => filled(d.sdgTargets) },
  { label: 'Impact metrics', weight: 5, test: (d) => filled(d.impactMetrics) },
  { label: 'Hero image', weight: 3, test: (d) => filled(d.heroImage) },
  { label: 'Contact person', weight: 2, test: (d) => filled(d.contacts) },
]

const TOTAL = COMPLETENESS_ITEMS.reduce((sum, item) => sum + item.weight, 0)

export function computeCompleteness(doc: Doc): { score: number; missing: string[] } {
  let earned = 0
  const missing: Array<{ label: string; weight: number }> = []
  for (const item of COMPLETENESS_ITEMS) {
    if (item.test(doc)) earned += item.weight
    else missing.push(item)
  }
  missing.sort((a, b) => b.weight - a.weight)
  return { score: Math.round((earned / TOTAL) * 100), missing: missing.map((item) => item.label) }
}
