import type { CollectionConfig } from 'payload'

import { admins, hiddenFromNonStaff, nobody } from '../access'

/**
 * Direct contact between members: the message is relayed by mail (the sender never sees the
 * recipient's address) and kept for abuse handling by admins until the retention period ends
 * (CONTACT_RETENTION_DAYS). The per-sender rate limit counts these rows, so it holds across every
 * app instance on the database.
 */
export const ContactMessages: CollectionConfig = {
  slug: 'contact-messages',
  labels: { singular: 'Contact message', plural: 'Contact messages' },
  admin: { hidden: hiddenFromNonStaff, useAsTitle: 'subject', defaultColumns: ['subject', 'sender', 'recipient', 'status', 'createdAt'], group: 'Community' },
  defaultSort: '-createdAt',
  access: { read: admins, create: nobody, update: nobody, delete: admins },
  indexes: [{ fields: ['sender', 'createdAt'] }],
  fields: [
    { name: 'sender', type: 'relationship', relationTo: 'citymakers', index: true },
    { name: 'recipient', type: 'relationship', relationTo: 'citymakers', index: true },
    { name: 'subject', type: 'text', required: true, maxLength: 150 },
    { name: 'message', type: 'textarea', required: true, maxLength: 5000 },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: [
        { label: 'Queued', value: 'queued' },
        { label: 'Sent', value: 'sent' },
      ],
    },
    { name: 'sentAt', type: 'date' },
  ],
}
