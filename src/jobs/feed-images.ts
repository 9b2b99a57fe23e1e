import type { TaskConfig } from 'payload'
import { z } from 'zod'

import { fetchPublicImage } from '../feeds/images'
import { dbFor, sql } from '../lib/sql'

/** An import log keeps at most this many refused images (the job's own output goes when the job completes). */
const MAX_REFUSED_LOGGED = 1000

/**
 * The images of an imported case (queued by the importer in the batch's transaction, with the
 * URLs the feed named): each is fetched from the public internet (src/feeds/images.ts), stored as
 * a media item with its caption and credit, and the case gets them as hero image and gallery
 * where it has none yet (an editor's choice is kept). An image that cannot be fetched or is
 * refused is skipped and named in the job's output and in the import's log (`refusedImages`).
 */
const inputSchema = z.object({
  caseStudy: z.coerce.number().int().positive(),
  images: z.array(z.object({ url: z.string(), caption: z.string().optional(), credit: z.string().optional() })).max(30),
  /** the import that queued the job: its log lists the images refused here */
  importId: z.coerce.number().int().positive().optional(),
})
type Input = z.infer<typeof inputSchema>

export const fetchFeedImagesTask: TaskConfig<{ input: Input; output: { stored: number; refused: string } }> = {
  slug: 'fetchFeedImages',
  label: 'Feeds: fetch the images of an imported case',
  inputSchema: [
    { name: 'caseStudy', type: 'number', required: true },
    { name: 'images', type: 'json', required: true },
    { name: 'importId', type: 'number' },
  ],
  outputSchema: [{ name: 'stored', type: 'number' }, { name: 'refused', type: 'text' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ input, req }) => {
    const { caseStudy, images, importId } = inputSchema.parse(input)
    const doc = await req.payload.findByID({ collection: 'case-studies', id: caseStudy, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })
    if (!doc) return { output: { stored: 0, refused: 'the case no longer exists' } }
    // fill what is empty only: a hero image and a gallery that an editor (or an earlier run) set stay
    const needHero = !doc.heroImage
    const needGallery = !(doc.gallery ?? []).length
    const wanted = needHero ? (needGallery ? images : images.slice(0, 1)) : needGallery ? images.slice(1) : []
    const stored: number[] = []
    const refusals: Array<{ caseStudy: number; url: string; reason: string }> = []
    for (const image of wanted) {
      try {
        const file = await fetchPublicImage(image.url)
        const media = await req.payload.create({
          collection: 'media',
          data: { alt: (image.caption || doc.title).slice(0, 300), caption: image.caption, credit: image.credit, licence: doc.provenance?.licence ?? undefined } as never,
          file: { ...file, size: file.data.length },
          overrideAccess: true,
          depth: 0,
          req,
        })
        stored.push(media.id as number)
      } catch (err) {
        refusals.push({ caseStudy, url: image.url, reason: (err as Error).message })
      }
    }
    const data: Record<string, unknown> = {}
    if (stored.length && needHero) data.heroImage = stored[0]
    const rest = needHero ? stored.slice(1) : stored
    if (rest.length && needGallery) data.gallery = rest.map((image) => ({ image }))
    if (Object.keys(data).length) {
      await req.payload.update({ collection: 'case-studies', id: caseStudy, data: data as never, overrideAccess: true, depth: 0, context: { feedImport: true, skipNotifications: true }, req })
    }
    if (importId && refusals.length) {
      // appended in one statement: the jobs of one import's cases may run side by side
      const db = await dbFor(req.payload, req)
      await db.execute(sql`UPDATE imports SET refused_images = (coalesce(refused_images, '[]'::jsonb) || ${JSON.stringify(refusals)}::jsonb)
        WHERE id = ${importId} AND jsonb_array_length(coalesce(refused_images, '[]'::jsonb)) < ${MAX_REFUSED_LOGGED}`)
    }
    return { output: { stored: stored.length, refused: refusals.map((item) => `${item.url}: ${item.reason}`).join('\n') } }
  },
}
