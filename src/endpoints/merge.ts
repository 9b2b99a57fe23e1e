import { commitTransaction, initTransaction, killTransaction, type CollectionSlug, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { isStaffUser } from '../../access/roles'
import { documented, errorResponse, jsonContent, pathParam } from '../lib/openapi'
import { refreshSearchFor } from '../lib/search'
import { dbFor, ident, sql } from '../lib/sql'

const bodySchema = z.object({ into: z.coerce.number({ error: 'into must be the id of the document to merge into' }).int().positive() })

/**
 * `POST /api/<collection>/:id/merge` with `{ "into": <id> }`: moves every reference to this
 * document (in every collection, version and relation table the database knows, found through its
 * foreign keys) to the other one, then deletes this one. One transaction: a failure changes
 * nothing. Editors use it instead of deleting reference data that is still in use.
 */
export const mergeEndpoint = (slug: CollectionSlug): Endpoint => documented({
  path: '/:id/merge',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!isStaffUser(req.user)) return Response.json({ errors: [{ message: 'Only editors can merge documents' }] }, { status: 403 })
    const sourceId = Number(req.routeParams?.id)
    const parsed = bodySchema.safeParse(await req.json?.().catch(() => undefined))
    if (!parsed.success || !Number.isInteger(sourceId)) {
      return Response.json({ errors: [{ message: parsed.success ? 'id must be a number' : parsed.error.issues.map((i) => i.message).join('; ') }] }, { status: 400 })
    }
    const targetId = parsed.data.into
    if (targetId === sourceId) return Response.json({ errors: [{ message: 'A document cannot be merged into itself' }] }, { status: 400 })

    const { payload } = req
    const found = await payload.find({ collection: slug, where: { id: { in: [sourceId, targetId] } }, depth: 0, limit: 2, req, overrideAccess: true })
    for (const id of [sourceId, targetId]) {
      if (!found.docs.some((doc) => doc.id === id)) return Response.json({ errors: [{ message: `No ${slug} with id ${id}` }] }, { status: 404 })
    }

    const table = slug.replace(/-/g, '_')
    const shouldCommit = await initTransaction(req)
    try {
      const db = await dbFor(payload, req)
      const { rows: references } = await db.execute(sql`
        SELECT cl.relname AS "table", att.attname AS "column"
        FROM pg_constraint con
        JOIN pg_class cl ON cl.oid = con.conrelid
        JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
        WHERE con.contype = 'f' AND con.confrelid = ${table}::regclass AND array_length(con.conkey, 1) = 1
          -- parent_id columns tie a document's own locale, array and relation rows to it: they go with it
          AND att.attname NOT IN ('parent_id', '_parent_id')`)
      const moved: Array<{ table: string; column: string; count: number }> = []
      for (const { table: refTable, column } of references as Array<{ table: string; column: string }>) {
        if (refTable.endsWith('_rels')) {
          // a hasMany list that already holds the target keeps one entry
          await db.execute(sql`
            DELETE FROM ${ident(refTable)} r USING ${ident(refTable)} keep
            WHERE r.${ident(column)} = ${sourceId} AND keep.${ident(column)} = ${targetId}
              AND keep.parent_id = r.parent_id AND keep.path = r.path`)
        }
        const result = await db.execute(sql`UPDATE ${ident(refTable)} SET ${ident(column)} = ${targetId} WHERE ${ident(column)} = ${sourceId}`)
        const count = Number(result.rowCount ?? 0)
        if (count > 0) moved.push({ table: refTable, column, count })
      }
      await payload.delete({ collection: slug, id: sourceId, req, overrideAccess: true })
      // the cases now pointing at the target are found under its name
      if (slug === 'cities' || slug === 'topics' || slug === 'partners') await refreshSearchFor(payload, { collection: slug, ids: [targetId] }, req)
      if (shouldCommit) await commitTransaction(req)
      return Response.json({ message: `Merged ${slug} ${sourceId} into ${targetId}`, into: targetId, moved })
    } catch (err) {
      if (shouldCommit) await killTransaction(req)
      payload.logger.error({ err, msg: `Merging ${slug} ${sourceId} into ${targetId} failed` })
      return Response.json({ errors: [{ message: `Merging ${slug} ${sourceId} into ${targetId} failed; nothing was changed` }] }, { status: 409 })
    }
  },
}, {
  summary: `Merge this ${slug} document into another (editors): references move, this one is deleted`,
  tags: [slug],
  security: [{ jwt: [] }],
  parameters: [pathParam('id', 'The duplicate to merge away.')],
  requestBody: { required: true, content: jsonContent(z.toJSONSchema(bodySchema, { io: 'input', unrepresentable: 'any' })) },
  responses: {
    '200': { description: 'Merged; the references moved per table.', content: jsonContent({ type: 'object' }) },
    '400': errorResponse('Bad body or merging into itself.'),
    '403': errorResponse('Only editors can merge.'),
    '404': errorResponse('One of the two documents does not exist.'),
    '409': errorResponse('The merge failed; nothing was changed.'),
  },
})
