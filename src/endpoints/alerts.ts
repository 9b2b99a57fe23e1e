import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { z } from 'zod'

import { escapeHtml } from '../lib/mail'
import { documented, errorResponse, queryParam } from '../lib/openapi'

/**
 * Unsubscribing from case-study alerts without logging in. Every alert mail carries a link with a
 * signed token (an HMAC of the member id with Payload's secret: it cannot be guessed for another
 * member, and it does not expire, like the unsubscribe links of any newsletter) and the RFC 8058
 * headers, so mail clients offer a one-click "Unsubscribe" button.
 *
 * - `GET /api/citymakers/unsubscribe?token=…` shows a page with a confirm button and changes
 *   nothing: mail scanners and link previews open every link in a mail, and must not unsubscribe
 *   anyone.
 * - `POST /api/citymakers/unsubscribe?token=…` unsubscribes: the button of that page, and the
 *   one-click POST (`List-Unsubscribe=One-Click`) that mail clients send to the List-Unsubscribe URL.
 *
 * Unsubscribing sets `alerts.frequency` to `off` and keeps the chosen topics, SDGs, places and
 * partners, so turning alerts on again in the profile is one change. Pending alerts of a member
 * who is off are skipped when their batch or digest comes.
 */
const PURPOSE = 'alerts-unsubscribe'

const signature = (secret: string, id: number) => createHmac('sha256', secret).update(`${PURPOSE}:${id}`).digest('base64url')

/** `<member id>.<signature>`: the token of the member's unsubscribe link. */
export const unsubscribeToken = (secret: string, id: number) => `${id}.${signature(secret, id)}`

/** The member id the token was signed for, or undefined for anything else (incomplete, altered, forged). */
export function verifyUnsubscribeToken(secret: string, token: string): number | undefined {
  const match = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return undefined
  const id = Number(match[1])
  const expected = Buffer.from(signature(secret, id))
  const given = Buffer.from(match[2]!)
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined
}

/** The unsubscribe link of a member, on the configured server URL (never the Host of a request). */
export const unsubscribeUrl = (payload: Payload, id: number) =>
  `${payload.config.serverURL}${payload.config.routes.api}/citymakers/unsubscribe?token=${encodeURIComponent(unsubscribeToken(payload.secret, id))}`

/** The headers of every alert mail: the link, and that a POST to it is the one-click unsubscribe (RFC 8058). */
export const unsubscribeHeaders = (payload: Payload, id: number): Record<string, string> => ({
  'List-Unsubscribe': `<${unsubscribeUrl(payload, id)}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
})

const tokenSchema = z.string({ error: 'token is missing: open the whole link from the alert mail' }).min(1, { error: 'token is missing: open the whole link from the alert mail' })
const INVALID = 'token is not a valid unsubscribe token: the link is incomplete or was altered; open the whole link from the alert mail'

const NO_STORE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }

const wantsHtml = (req: PayloadRequest) => (req.headers.get('accept') ?? '').includes('text/html')

/** Browsers get a small page, API clients (and mail clients' one-click POST) JSON. */
function answer(req: PayloadRequest, status: number, title: string, text: string, extraHtml = '') {
  if (wantsHtml(req)) {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Urban Sustainability Exchange</title></head><body style="font-family:system-ui;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${extraHtml}</body></html>`
    return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE } })
  }
  const body = status >= 400 ? { errors: [{ message: text }] } : { message: text }
  return Response.json(body, { status, headers: NO_STORE })
}

function memberOf(req: PayloadRequest): { id: number } | { error: string } {
  const parsed = tokenSchema.safeParse(req.searchParams.get('token') ?? undefined)
  if (!parsed.success) return { error: parsed.error.issues[0]!.message }
  const id = verifyUnsubscribeToken(req.payload.secret, parsed.data)
  return id === undefined ? { error: INVALID } : { id }
}

const confirmPage: Endpoint = {
  path: '/unsubscribe',
  method: 'get',
  custom: { ours: true },
  handler: async (req) => {
    const member = memberOf(req)
    if ('error' in member) return answer(req, 400, 'This unsubscribe link is not valid', member.error)
    const action = unsubscribeUrl(req.payload, member.id)
    return answer(
      req,
      200,
      'Unsubscribe from case-study alerts',
      'You will get no more mail about newly published case studies. You can turn alerts on again in your profile at any time.',
      `<form method="post" action="${escapeHtml(action)}"><button type="submit">Unsubscribe</button></form>`,
    )
  },
}

const unsubscribe: Endpoint = {
  path: '/unsubscribe',
  method: 'post',
  custom: { ours: true },
  handler: async (req) => {
    const member = memberOf(req)
    if ('error' in member) return answer(req, 400, 'This unsubscribe link is not valid', member.error)
    const { docs } = await req.payload.find({ collection: 'citymakers', where: { id: { equals: member.id } }, depth: 0, limit: 1, select: { alerts: { frequency: true } }, overrideAccess: true, req })
    // an account deleted meanwhile gets no alerts either: the answer is the same
    if (docs[0] && docs[0].alerts?.frequency !== 'off') {
      await req.payload.update({ collection: 'citymakers', id: member.id, data: { alerts: { frequency: 'off' } }, depth: 0, overrideAccess: true, req })
    }
    return answer(req, 200, 'You are unsubscribed', 'Alerts are off: you will get no more mail about newly published case studies. You can turn them on again in your profile.')
  },
}

const tokenParam = queryParam('token', 'The signed token from the alert mail.', { type: 'string' }, true)

export const alertsEndpoints: Endpoint[] = [
  documented(confirmPage, {
    summary: 'The unsubscribe page linked from alert mails (a button; opening the link changes nothing)',
    tags: ['citymakers'],
    parameters: [tokenParam],
    responses: { '200': { description: 'An HTML page.', content: { 'text/html': { schema: { type: 'string' } } } }, '400': errorResponse('Missing or invalid token.') },
  }),
  documented(unsubscribe, {
    summary: 'Stop case-study alerts (RFC 8058 one-click unsubscribe)',
    tags: ['citymakers'],
    parameters: [tokenParam],
    responses: { '200': { description: 'Unsubscribed.' }, '400': errorResponse('Missing or invalid token.') },
  }),
]
