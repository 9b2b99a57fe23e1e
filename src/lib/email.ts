import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import type { Env } from './env'

/**
 * Without SMTP_URL (development, demos) mail is written to the log instead of sent: a new
 * developer sees activation links in the terminal and nothing leaves the machine.
 */
function transport(env: Env) {
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL)
  return nodemailer.createTransport({
    name: 'log',
    version: '1',
    send(mail, callback) {
      const { to, subject } = mail.data
      const body = typeof mail.data.text === 'string' ? mail.data.text : typeof mail.data.html === 'string' ? mail.data.html.replace(/<[^>]+>/g, ' ') : ''
      console.log(`[mail] to=${String(to)} subject=${JSON.stringify(subject)}\n  ${body.replace(/\s+/g, ' ').trim()}`)
      callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() } as never)
    },
  })
}

type Initialized = ReturnType<EmailAdapter>
const direct = new WeakMap<Payload, Initialized>()

/** Sends right now over SMTP. Only the outbox job calls this. */
export async function sendDirect(payload: Payload, message: SendEmailOptions): Promise<unknown> {
  const adapter = direct.get(payload)
  if (!adapter) throw new Error('E-mail adapter not initialised')
  return adapter.sendEmail(message)
}

/**
 * Sends a message for a job at most once: the marker (in Payload's key-value store, written
 * outside the job's transaction) survives a job that fails after SMTP accepted the message. The
 * Message-ID is derived from the job, so even a crash between send and marker repeats the same id.
 */
export async function sendOnce(payload: Payload, jobId: string, message: SendEmailOptions): Promise<{ messageId: string }> {
  const host = new URL(payload.config.serverURL || 'http://use.localhost').hostname
  const messageId = `<use-job-${jobId}@${host}>`
  const marker = `mail-sent:${jobId}`
  if (await payload.kv.has(marker)) return { messageId }
  await sendDirect(payload, { ...message, messageId } as SendEmailOptions)
  await payload.kv.set(marker, { sentAt: new Date().toISOString() })
  return { messageId }
}

/**
 * Payload's email adapter, made durable: `payload.sendEmail` (Payload's own verification and
 * password-reset mail included) queues a `sendEmail` job instead of talking to SMTP inside the
 * request, so an SMTP outage neither fails a registration nor loses the mail.
 */
export async function emailAdapter(env: Env): Promise<EmailAdapter> {
  const smtp = await nodemailerAdapter({
    defaultFromAddress: env.MAIL_FROM_ADDRESS,
    defaultFromName: env.MAIL_FROM_NAME,
    transport: transport(env),
    skipVerify: true,
  })
  return ({ payload }) => {
    direct.set(payload, smtp({ payload }))
    return {
      name: 'outbox',
      defaultFromAddress: env.MAIL_FROM_ADDRESS,
      defaultFromName: env.MAIL_FROM_NAME,
      sendEmail: async (message) => {
        const { emailMessageSchema } = await import('../jobs/send-email')
        const parsed = emailMessageSchema.parse({
          to: message.to,
          subject: message.subject,
          html: typeof message.html === 'string' ? message.html : undefined,
          text: typeof message.text === 'string' ? message.text : undefined,
          from: typeof message.from === 'string' ? message.from : undefined,
          replyTo: typeof message.replyTo === 'string' ? message.replyTo : undefined,
          headers: message.headers as Record<string, string> | undefined,
        })
        return payload.jobs.queue({ task: 'sendEmail', input: { message: parsed } })
      },
    }
  }
}
