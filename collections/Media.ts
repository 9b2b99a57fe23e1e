import type { CollectionConfig } from 'payload'

import { anyone, authenticated, staff } from '../access'
import { dataDir } from '../src/lib/runtime-paths'
import { licenceField } from './fields/common'

/** Raster images and PDFs only: SVG can carry scripts, so it is refused rather than sanitised. */
export const ALLOWED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'application/pdf']

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Media item', plural: 'Media' },
  admin: { useAsTitle: 'alt', group: 'Content' },
  access: { read: anyone, create: authenticated, update: staff, delete: staff },
  upload: {
    staticDir: dataDir('media'),
    mimeTypes: ALLOWED_MEDIA_TYPES,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 800, height: 600, position: 'centre' },
      { name: 'hero', width: 1920, height: undefined },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    { name: 'alt', label: 'Alternative text', type: 'text', required: true, localized: true, maxLength: 300 },
    { name: 'caption', type: 'text', localized: true, maxLength: 500 },
    { name: 'credit', type: 'text', maxLength: 200 },
    licenceField(),
  ],
}
