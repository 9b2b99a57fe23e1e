import type { Access, CollectionConfig } from 'payload'

import { nobody, hiddenFromNonStaff } from '../access'
import { isStaffUser } from '../access/roles'

/** Staff read every event; an author reads the events of their own cases. */
const staffOrCaseAuthor: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (req.user?.collection === 'citymakers') return { caseAuthor: { equals: req.user.id } }
  return false
}

/**
 * The audit trail of the editorial workflow: one append-only record per transition (who, when,
 * from, to, comment). Written only by the case-study hooks; nobody edits or deletes it.
 */
export const WorkflowEvents: CollectionConfig = {
  slug: 'workflow-events',
  labels: { singular: 'Workflow event', plural: 'Workflow events' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'summary', defaultColumns: ['caseStudy', 'from', 'to', 'actor', 'createdAt'], group: 'Content' },
  defaultSort: '-createdAt',
  access: { read: staffOrCaseAuthor, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'caseStudy', type: 'relationship', relationTo: 'case-studies', required: true, index: true },
    { name: 'caseAuthor', type: 'relationship', relationTo: 'citymakers', index: true, admin: { description: 'Author of the case at the time, for access.' } },
    { name: 'from', type: 'text', required: true },
    { name: 'to', type: 'text', required: true, index: true },
    { name: 'actor', type: 'relationship', relationTo: 'citymakers' },
    { name: 'actorLabel', type: 'text', admin: { description: 'Who acted when not a member account (import, system).' } },
    { name: 'comment', type: 'textarea', maxLength: 5000 },
    { name: 'summary', type: 'text', admin: { hidden: true } },
  ],
}
