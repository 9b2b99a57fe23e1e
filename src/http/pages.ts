import express, { type Express } from 'express'
import type { Payload } from 'payload'

import { escapeHtml } from '../lib/mail'

/**
 * The pages behind the links in account mail, for members without a frontend of their own.
 * Following the activation link shows a button; only the POST activates, so mail scanners that
 * open every link cannot activate an account for someone who never asked.
 */
const page = (title: string, body: string, status = 200) => ({
  status,
  html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} · Urban Sustainability Exchange</title></head><body style="font-family:system-ui;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
})

export function accountPages(app: Express, payload: Payload) {
  const base = () => payload.config.serverURL

  app.get('/activate', (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : ''
    const result = token
      ? page('Activate your profile', `<form method="post" action="${escapeHtml(base())}/activate"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">Activate my profile</button></form>`)
      : page('Activation link incomplete', '<p>The link has no token. Copy the whole link from the mail.</p>', 400)
    res.status(result.status).type('html').set('cache-control', 'no-store').send(result.html)
  })

  app.post('/activate', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    const token = typeof req.body?.token === 'string' ? req.body.token : ''
    let result
    try {
      if (!token) throw new Error('no token')
      await payload.verifyEmail({ collection: 'citymakers', token })
      result = page('Your profile is active', `<p>Welcome to the community. <a href="${escapeHtml(base())}/admin/login">Log in</a></p>`)
    } catch {
      result = page('This activation link is not valid', `<p>It was used already or is incomplete. Try to <a href="${escapeHtml(base())}/admin/login">log in</a>; if that fails, register again to get a new link.</p>`, 400)
    }
    res.status(result.status).type('html').set('cache-control', 'no-store').send(result.html)
  })
}
