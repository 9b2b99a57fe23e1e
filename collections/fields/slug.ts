import type { TextField } from 'payload'
import { text } from 'payload/shared'

import { generateSlug } from '../../hooks/generateSlug'
import { slug as checkSlug } from '../../src/lib/validation'

/** A unique, URL-safe identifier generated from `from` and stable when that field changes. */
export function slugField(from = 'title'): TextField {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    admin: { position: 'sidebar', description: `Generated from the ${from}; kept when the ${from} changes.` },
    hooks: { beforeValidate: [generateSlug(from)] },
    validate: (value, args) => {
      const base = text(value, args)
      return base === true ? checkSlug(value, 'Slug') : base
    },
  }
}
