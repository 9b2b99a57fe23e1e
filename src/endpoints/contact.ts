import { commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { readEnv } from '../lib/env'
import { dbFor, sql } from '../lib/sql'
import { documented, errorResponse, jsonContent, pathParam } from '../lib/openapi'
import { fail, zodMessage } from './respond'

/**
 * Direct contact between members: `POST /api/citymakers/:id/contact` with
 * `{ "subject": "…", "message": "…" }`. The message is stored (contact-messages, for abuse
 * handling) and relayed by the `mailContactMessage` job, queued in the same transaction; the
 * recipient's address never leaves the server, the sender's is the mail's Reply-To.
 */

/** Control characters other than tab and line breaks (which the message may contain). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/
/** Something that looks like an HTML tag or comment (`<b>`, `</p>`, `<a href=…>`, `<!-- … -->`); `<https://…>` and `a < b` are fine. */
const HTML = /<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>|<!--|<!\[CDATA\[|<![a-z]/i

const text = (field: string, max: number, multiline: boolean) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `${field} is required` : `${field} must be a string`) })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${field} must not be empty` })
        .max(max, { error: `${field} must be at most ${max} characters` })
        .refine((value) => multiline || !/[\n\t]/.test(value), { error: `${field} must be a single line` })
        .refine((value) => !CONTROL.test(value), { error: `${field} must not contain control characters` })
        .refine((value) => !HTML.test(value), { error: `${field} must be plain text: HTML tags are not accepted` }),
    )

const bodySchema = z
  .object({ subject: text('subject', 150, false), message: text('message', 5000, true) }, { error: 'The body must be a JSON object like {"subject": "…", "message": "…"}' })
  .strict()

/** Same answer for a member who does not exist and one the sender may not see: it reveals nothing a profile request would not. */
const NOT_FOUND = 'Not Found'

/** Key space of pg_advisory_xact_lock(namespace, senderId); the migration lock (src/lib/runtime.ts) uses a single bigint key. */
export const CONTACT_LOCK_NAMESPACE = 7_230_002

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

export const contactLimits = () => {
  const env = readEnv()
  return { hour: env.CONTACT_LIMIT_HOUR, day: env.CONTACT_LIMIT_DAY }
}

type Window = { count: number; oldest: Date | null }

/** Messages of the sender in the last hour and the last 24 hours, with the oldest of each window. */
async function sentWithin(req: PayloadRequest, sender: number, now: number): Promise<{ hour: Window; day: Window }> {
  const db = await dbFor(req.payload, req)
  const hourAgo = new Date(now - HOUR_MS).toISOString()
  const dayAgo = new Date(now - DAY_MS).toISOString()
  const { rows } = await db.execute(sql`
    SELECT count(*) FILTER (WHERE created_at > ${hourAgo})::int AS hour_count,
           min(created_at) FILTER (WHERE created_at > ${hourAgo}) AS hour_oldest,
           count(*)::int AS day_count,
           min(created_at) AS day_oldest
    FROM contact_messages
    WHERE sender_id = ${sender} AND created_at > ${dayAgo}`)
  const row = rows[0] ?? {}
  const date = (value: unknown) => (value ? new Date(value as string) : null)
  return {
    hour: { count: Number(row.hour_count ?? 0), oldest: date(row.hour_oldest) },
    day: { count: Number(row.day_count ?? 0), oldest: date(row.day_oldest) },
  }
}

const contact: Endpoint = {
  path: '/:id/contact',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const { payload } = req
    const user = req.user as (PayloadRequest['user'] & { _verified?: boolean | null }) | null
    if (!user) return fail(401, 'Log in to contact a member')
    // Payload's JWT strategy already refuses accounts that are not activated; API keys and any
    // other account type are refused here
    if (user.collection !== 'citymakers' || user._verified !== true) return fail(403, 'Only activated members can contact other members')
    const sender = Number(user.id)

    let raw: unknown
    try {
      raw = await req.json?.()
    } catch {
      return fail(400, 'The body must be JSON like {"subject": "…", "message": "…"}')
    }
    const parsed = bodySchema.safeParse(raw)
    if (!parsed.success) return fail(400, zodMessage(parsed.error, 'not accepted (send subject and message only)'))
    const { subject, message } = parsed.data

    const idParam = String(req.routeParams?.id ?? '')
    const recipientId = /^[1-9]\d{0,9}$/.test(idParam) ? Number(idParam) : NaN
    if (!Number.isSafeInteger(recipientId) || recipientId > 2_147_483_647 || recipientId === sender) return fail(404, NOT_FOUND)
    // what the sender may see (access/citymakers.ts), narrowed to activated profiles that are not
    // hidden: staff see hidden profiles, but hidden members are not contacted either
    const found = await payload.find({
      collection: 'citymakers',
      where: { and: [{ id: { equals: recipientId } }, { _verified: { equals: true } }, { profileVisibility: { in: ['public', 'community'] } }] },
      select: { displayName: true, allowContact: true },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: false,
      user,
      req,
    })
    const recipient = found.docs[0]
    if (!recipient) return fail(404, NOT_FOUND)
    if (recipient.allowContact === false) return fail(403, `${recipient.displayName} does not accept messages`)

    const limits = contactLimits()
    const shouldCommit = await initTransaction(req)
    try {
      const db = await dbFor(payload, req)
      // one sender's requests queue here, on every app instance, until the one before commits
      await db.execute(sql`SELECT pg_advisory_xact_lock(${CONTACT_LOCK_NAMESPACE}::int, ${sender}::int)`)
      const now = Date.now()
      const sent = await sentWithin(req, sender, now)
      const waits: number[] = []
      if (sent.hour.count >= limits.hour && sent.hour.oldest) waits.push(sent.hour.oldest.getTime() + HOUR_MS - now)
      if (sent.day.count >= limits.day && sent.day.oldest) waits.push(sent.day.oldest.getTime() + DAY_MS - now)
      if (waits.length > 0) {
        if (shouldCommit) await killTransaction(req)
        const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000))
        const which = sent.day.count >= limits.day ? `${limits.day} messages a day` : `${limits.hour} messages an hour`
        return fail(429, `You can send at most ${which}. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, { 'Retry-After': String(retryAfter) })
      }
      const stored = await payload.create({
        collection: 'contact-messages',
        data: { sender, recipient: recipientId, subject, message, status: 'queued' },
        overrideAccess: true,
        depth: 0,
        req,
      })
      await payload.jobs.queue({ task: 'mailContactMessage', input: { message: stored.id }, req })
      if (shouldCommit) await commitTransaction(req)
      return Response.json(
        { message: `Your message to ${recipient.displayName} is on its way. Replies come to your e-mail address.`, id: stored.id },
        { status: 202 },
      )
    } catch (err) {
      if (shouldCommit) await killTransaction(req)
      payload.logger.error({ err, msg: `Contact message from citymaker ${sender} to ${recipientId} failed` })
      return fail(500, 'Your message could not be sent; nothing was stored. Please try again later.')
    }
  },
}

export const contactEndpoints: Endpoint[] = [
  documented(contact, {
    summary: 'Send a message to a member; it is relayed by mail without showing their address',
    tags: ['citymakers'],
    security: [{ jwt: [] }],
    parameters: [pathParam('id', 'The member to contact.')],
    requestBody: { required: true, content: jsonContent(z.toJSONSchema(bodySchema, { io: 'input', unrepresentable: 'any' })) },
    responses: {
      '202': { description: 'Queued for delivery.', content: jsonContent({ type: 'object' }) },
      '400': errorResponse('Bad body; the message names the field.'),
      '401': errorResponse('Not logged in.'),
      '403': errorResponse('The member does not accept messages, or the account is not active.'),
      '404': errorResponse('No such member visible to the sender.'),
      '429': errorResponse('Too many messages; Retry-After says when to try again.'),
    },
  }),
]
