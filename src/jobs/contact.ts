import type { TaskConfig } from 'payload'
import { z } from 'zod'

import { sendOnce } from '../lib/email'
import { readEnv } from '../lib/env'
import { textMail } from '../lib/mail'
import { dbFor, sql } from '../lib/sql'

/** Direct contact between members: the relay mail and the retention purge. */
const messageInput = z.object({ message: z.coerce.number().int().positive() })

const idOf = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : value && typeof value === 'object' ? (value as { id?: number }).id : undefined

/** Where a member's public profile is: the REST resource (the platform has no public profile page yet). */
export const profileUrl = (serverURL: string, id: number | string) => `${serverURL}/api/citymakers/${id}`

export const mailContactMessageTask: TaskConfig<{ input: z.infer<typeof messageInput>; output: { messageId: string } }> = {
  slug: 'mailContactMessage',
  label: 'Mail: contact message (to the recipient)',
  inputSchema: [{ name: 'message', type: 'number', required: true }],
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, job, req }) => {
    const { payload } = req
    const { message: id } = messageInput.parse(input)
    const found = await payload.find({ collection: 'contact-messages', where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, overrideAccess: true, req })
    const stored = found.docs[0]
    // purged, or removed with an account that left, or already delivered by an earlier run
    if (!stored || stored.status === 'sent') return { output: { messageId: '' } }
    const senderId = idOf(stored.sender)
    const recipientId = idOf(stored.recipient)
    if (!senderId || !recipientId) return { output: { messageId: '' } }
    const select = { displayName: true, email: true, organisation: true, allowContact: true, _verified: true } as const
    const [sender, recipient] = await Promise.all(
      [senderId, recipientId].map((citymaker) =>
        payload.find({ collection: 'citymakers', where: { id: { equals: citymaker } }, select, depth: 0, limit: 1, pagination: false, overrideAccess: true, req }).then((r) => r.docs[0]),
      ),
    )
    // a recipient who turned contact off (or was deactivated) since the message was accepted does not get it
    if (!sender?.email || !recipient?.email || recipient.allowContact === false || !recipient._verified) {
      payload.logger.info({ msg: `Contact message ${id} not delivered: the recipient no longer accepts messages` })
      return { output: { messageId: '' } }
    }

    const serverURL = payload.config.serverURL
    const from = sender.organisation ? `${sender.displayName} (${sender.organisation})` : sender.displayName
    const mail = textMail(recipient.email, `Message from ${sender.displayName}: ${stored.subject}`, [
      `Hello ${recipient.displayName},`,
      `${from} sent you a message through the Urban Sustainability Exchange.\nTheir profile: ${profileUrl(serverURL, senderId)}`,
      `Subject: ${stored.subject}`,
      stored.message,
      `---\nReply to this e-mail to answer ${sender.displayName} directly: your reply goes to their address, and they will see yours. ` +
        `They do not know your e-mail address unless you reply. To receive no more messages from members, turn off "Allow contact" in your profile.`,
    ])
    const { messageId } = await sendOnce(payload, String(job.id), { ...mail, replyTo: { name: sender.displayName, address: sender.email } } as never)
    await payload.update({ collection: 'contact-messages', id, data: { status: 'sent', sentAt: new Date().toISOString() }, overrideAccess: true, depth: 0, req })
    return { output: { messageId } }
  },
}

export const purgeContactMessagesTask: TaskConfig<{ input: Record<string, never>; output: { deleted: number } }> = {
  slug: 'purgeContactMessages',
  label: 'Purge contact messages past their retention period',
  outputSchema: [{ name: 'deleted', type: 'number' }],
  schedule: [{ cron: '0 3 * * *', queue: 'maintenance' }],
  handler: async ({ req }) => {
    const days = readEnv().CONTACT_RETENTION_DAYS
    const cutoff = new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString()
    // one statement, not a delete per document: nothing hangs off a contact message but
    // document locks, whose foreign key cascades
    const db = await dbFor(req.payload, req)
    const result = await db.execute(sql`DELETE FROM contact_messages WHERE created_at < ${cutoff}`)
    const deleted = Number(result.rowCount ?? 0)
    if (deleted > 0) req.payload.logger.info({ msg: `Purged ${deleted} contact message(s) older than ${days} days` })
    return { output: { deleted } }
  },
}

export const contactTasks = [mailContactMessageTask, purgeContactMessagesTask]
