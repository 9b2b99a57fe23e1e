/** Controlled vocabularies of a case study; the feed schema and the search API use the same lists. */
const options = <T extends string>(entries: Array<[T, string]>) => entries.map(([value, label]) => ({ value, label }))

export const PROJECT_AREAS = options([
  ['building', 'Building'],
  ['neighbourhood', 'Neighbourhood or district'],
  ['city', 'City-wide'],
  ['metropolitan', 'Metropolitan'],
  ['regional', 'Regional'],
  ['national', 'National'],
  ['multinational', 'Multinational'],
])

export const PROJECT_STATUSES = options([
  ['planned', 'Planned'],
  ['ongoing', 'Ongoing'],
  ['completed', 'Completed'],
  ['discontinued', 'Discontinued'],
])

export const ACTOR_TYPES = options([
  ['city-government', 'City government'],
  ['supranational', 'Supranational / intergovernmental'],
  ['ngo', 'NGO / philanthropy'],
  ['academia', 'Academia'],
  ['private-sector', 'Private sector'],
  ['community', 'Community'],
])

export const FUNDER_TYPES = options([
  ['public-local', 'Local public funds'],
  ['public-national', 'National public funds'],
  ['eu', 'European Union'],
  ['international', 'International / development finance'],
  ['private', 'Private'],
  ['philanthropy', 'Philanthropy'],
  ['community', 'Community / crowdfunding'],
])

export const AWARD_RESULTS = options([
  ['winner', 'Winner'],
  ['shortlisted', 'Shortlisted'],
  ['special-mention', 'Special mention'],
])

export const SOURCE_TYPES = options([
  ['community', 'Community'],
  ['editorial', 'Editorial'],
  ['partner-feed', 'Partner feed'],
  ['award', 'Award'],
])

export const TRANSLATION_STATES = options([
  ['original', 'Original'],
  ['missing', 'Missing'],
  ['machine', 'Machine translation'],
  ['reviewed', 'Reviewed translation'],
])

/** The review states; transitions between them are the editorial workflow's business. */
export const WORKFLOW_STATES = options([
  ['draft', 'Draft'],
  ['submitted', 'Submitted'],
  ['changes_requested', 'Changes requested'],
  ['published', 'Published'],
  ['archived', 'Archived'],
])

export const SECTIONS = [
  ['background', 'Background & objectives'],
  ['approach', 'Approach'],
  ['participation', 'Participation'],
  ['results', 'Results & impact'],
  ['challenges', 'Challenges & lessons'],
  ['transferability', 'Transferability'],
] as const
