import type { PayloadRequest } from 'payload'

import type { EmailMessage } from '../jobs/send-email'

/**
 * Puts a message into the outbox (a `sendEmail` job) inside the request's transaction: it is sent
 * only if the change that caused it commits, and a failing SMTP server only delays it.
 */
export async function queueMail(req: PayloadRequest, message: EmailMessage): Promise<void> {
  await req.payload.jobs.queue({ task: 'sendEmail', input: { message }, req })
}

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

/** A plain-text mail with a matching minimal HTML part. */
export function textMail(to: string | string[], subject: string, paragraphs: string[], headers?: Record<string, string>): EmailMessage {
  return {
    to,
    subject,
    text: paragraphs.join('\n\n'),
    html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</p>`).join('\n'),
    ...(headers ? { headers } : {}),
  }
}
