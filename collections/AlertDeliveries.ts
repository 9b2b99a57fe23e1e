import type { CollectionConfig } from 'payload'

import { hiddenFromNonStaff, nobody, staff } from '../access'

/**
 * One row per (member, case study) that matched the member's alert subscription when the case was
 * published. The unique pair is what keeps a case from being alerted twice to the same person,
 * also when it is unpublished and published again. Immediate rows are mailed in batches by the
 * `sendAlertBatch` job; weekly rows wait for the member's next digest.
 */
export const AlertDeliveries: CollectionConfig = {
  slug: 'alert-deliveries',
  labels: { singular: 'Alert delivery', plural: 'Alert deliveries' },
  admin: { hidden: hiddenFromNonStaff, defaultColumns: ['citymaker', 'caseStudy', 'frequency', 'status', 'createdAt'], group: 'Community' },
  defaultSort: '-createdAt',
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  indexes: [
    { fields: ['citymaker', 'caseStudy'], unique: true },
    { fields: ['status', 'frequency'] },
  ],
  fields: [
    { name: 'citymaker', type: 'relationship', relationTo: 'citymakers', required: true },
    { name: 'caseStudy', type: 'relationship', relationTo: 'case-studies', required: true, index: true },
    {
      name: 'frequency',
      type: 'select',
      required: true,
      options: [
        { label: 'Immediate', value: 'immediate' },
        { label: 'Weekly digest', value: 'weekly' },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: [
        { label: 'Pending', value: 'pending' },
        { label: 'Sent', value: 'sent' },
        { label: 'Skipped', value: 'skipped' },
      ],
    },
    { name: 'sentAt', type: 'date' },
  ],
}
