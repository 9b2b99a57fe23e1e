import type { VerifyConfig } from 'payload'

import { readEnv } from './env'
import { escapeHtml } from './mail'


/** Links point at the configured SERVER_URL, never at the request's Host header. */
export const activationLink = (token: string) => `${readEnv().SERVER_URL}/activate?token=${encodeURIComponent(token)}`

export const verificationEmail: VerifyConfig = {
  generateEmailSubject: () => 'Activate your Urban Sustainability Exchange profile',
  generateEmailHTML: ({ token, user }) => {
    const link = activationLink(token ?? '')
    const name = escapeHtml(String((user as { displayName?: string }).displayName ?? ''))
    return `<p>Hello ${name},</p><p>welcome to the Urban Sustainability Exchange. Please activate your citymaker profile:</p><p><a href="${link}">${link}</a></p><p>If you did not register, ignore this message.</p>`
  },
}
