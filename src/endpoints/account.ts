import { setTimeout as sleep } from 'node:timers/promises'
import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

import { addDataAndFileToRequest, AuthenticationError, LockedAuth, type Endpoint, type PayloadHandler, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { isStaffUser } from '../../access/roles'
import { LANGUAGE_CODES } from '../../collections/fields/common'
import { passwordProblem } from '../lib/password-policy'
import { documented, errorResponse, jsonContent } from '../lib/openapi'
import { fail, zodMessage } from './respond'

/**
 * The account doors of the community, shaped so that nobody learns whether an address is
 * registered: registration, login and forgot-password answer with the same status and body,
 * after the same minimum time, whether or not an account exists. Only the owner of an address
 * learns about it, by mail.
 */
const pbkdf2Async = promisify(pbkdf2)

/** Minimum answer times: above the slowest honest path, so timing tells nothing. */
export const ANSWER_FLOOR_MS = { register: 600, login: 400, forgot: 400 }

async function answerAfter<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await work()
  } finally {
    const left = floorMs - (performance.now() - started)
    if (left > 0) await sleep(left + Math.random() * 20)
  }
}

/** Payload's own handler of a route, which ours wraps. */
function builtIn(req: PayloadRequest, method: string, path: string): PayloadHandler {
  const endpoints = (req.payload.collections.citymakers.config.endpoints || []) as Endpoint[]
  const endpoint = endpoints.find((e) => e.method === method && e.path === path && !(e.custom as { ours?: boolean } | undefined)?.ours)
  if (!endpoint) throw new Error(`Payload has no ${method} ${path} on citymakers`)
  return endpoint.handler
}

const REGISTERED = {
  message: 'Thank you. We sent a message to this address: follow its link to activate your profile. Nothing arrived? Check the spam folder or register again.',
}

const registrationSchema = z
  .object({
    email: z.email({ error: 'email must be an e-mail address' }).max(254, { error: 'email is too long' }),
    password: z.string({ error: 'password is required' }),
    displayName: z.string({ error: 'displayName is required' }).trim().min(1, { error: 'displayName is required' }).max(120, { error: 'displayName must be at most 120 characters' }),
    acceptTerms: z.literal(true, { error: 'acceptTerms must be true: accept the terms of use and the privacy notice to register' }),
    category: z.enum(['politician', 'administrator', 'academic', 'practitioner', 'ngo', 'private-sector', 'other'], { error: 'category is not a known role type' }).optional(),
    organisation: z.string().trim().max(200, { error: 'organisation must be at most 200 characters' }).optional(),
    position: z.string().trim().max(200, { error: 'position must be at most 200 characters' }).optional(),
    city: z.number({ error: 'city must be a city id' }).int().positive().optional(),
    languages: z.array(z.enum(LANGUAGE_CODES as [string, ...string[]], { error: 'languages holds an unknown language code' })).max(20).optional(),
    profileVisibility: z.enum(['public', 'community', 'hidden'], { error: 'profileVisibility must be public, community or hidden' }).optional(),
  })
  .strict()

/** Same cost as hashing a real password, for the path that does not hash one. */
const spendHashTime = () => pbkdf2Async(randomBytes(16).toString('hex'), randomBytes(16), 25_000, 512, 'sha256')

/**
 * `POST /api/citymakers`: registration for everyone but staff (staff create accounts through
 * Payload's own handler, e.g. in the admin panel). The account starts inactive; the activation
 * link (or, for an address already registered, a notice to its owner) goes out by mail.
 */
const register: Endpoint = {
  path: '/',
  method: 'post',
  custom: { ours: true },
  handler: async (req) => {
    if (isStaffUser(req.user)) return builtIn(req, 'post', '/')(req)
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return fail(400, 'The body must be JSON: {"email", "password", "displayName", "acceptTerms": true}')
    }
    const parsed = registrationSchema.safeParse(req.data ?? {})
    if (!parsed.success) return fail(400, zodMessage(parsed.error, 'not accepted at registration'))
    const { acceptTerms: _accepted, password, ...profile } = parsed.data
    const email = profile.email.toLowerCase()
    const problem = passwordProblem(password, email)
    if (problem) return fail(400, `password: ${problem}`)
    if (profile.city !== undefined) {
      const city = await req.payload.find({ collection: 'cities', where: { id: { equals: profile.city }, _status: { equals: 'published' } }, limit: 1, depth: 0, req })
      if (city.docs.length === 0) return fail(400, `city: no city with id ${profile.city}`)
    }

    return answerAfter(ANSWER_FLOOR_MS.register, async () => {
      const existing = await req.payload.find({ collection: 'citymakers', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, req })
      const owner = existing.docs[0]
      if (owner) {
        await spendHashTime()
        await req.payload.jobs.queue({ task: 'mailAccountExists', input: { citymaker: owner.id as number }, req })
        return Response.json(REGISTERED, { status: 202 })
      }
      const now = new Date().toISOString()
      await req.payload.create({
        collection: 'citymakers',
        data: {
          ...profile,
          email,
          password,
          roles: ['citymaker'],
          _verified: false,
          consents: { termsAcceptedAt: now, privacyAcceptedAt: now },
        } as never,
        overrideAccess: true,
        depth: 0,
        req,
      })
      return Response.json(REGISTERED, { status: 202 })
    })
  },
}

const WRONG_LOGIN = { errors: [{ message: 'The email or password provided is incorrect.' }] }

/**
 * `POST /api/citymakers/login`: Payload's login, with one answer for an unknown address, a wrong
 * password and a locked account (Payload tells the last apart, which reveals that the address
 * exists). A lock lasts `lockTime`; a password reset lifts it, so an attacker cannot keep the
 * owner out.
 */
const login: Endpoint = {
  path: '/login',
  method: 'post',
  custom: { ours: true },
  handler: async (req) =>
    answerAfter(ANSWER_FLOOR_MS.login, async () => {
      try {
        return await builtIn(req, 'post', '/login')(req)
      } catch (err) {
        if (err instanceof AuthenticationError || err instanceof LockedAuth) return Response.json(WRONG_LOGIN, { status: 401 })
        throw err
      }
    }),
}

/** `POST /api/citymakers/forgot-password`: Payload's, answered after the same time for every address. */
const forgotPassword: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  custom: { ours: true },
  handler: async (req) => answerAfter(ANSWER_FLOOR_MS.forgot, async () => builtIn(req, 'post', '/forgot-password')(req)),
}

/**
 * `GET /api/citymakers/me/export`: everything the platform keeps about the member, as a JSON
 * download (the right of access): profile with private fields, their case studies in every state,
 * the workflow events about them, contact messages they sent, alerts they received.
 */
const exportData: Endpoint = {
  path: '/me/export',
  method: 'get',
  custom: { ours: true },
  handler: async (req) => {
    if (req.user?.collection !== 'citymakers') return fail(401, 'Log in to export your data')
    const { payload } = req
    const id = req.user.id as number
    const common = { overrideAccess: true, depth: 0, pagination: false, req } as const
    const profile = await payload.findByID({ collection: 'citymakers', id, depth: 0, overrideAccess: true, req })
    const [cases, events, messages, alerts, preferences] = await Promise.all([
      payload.find({ collection: 'case-studies', where: { author: { equals: id } }, draft: true, locale: 'all', ...common }),
      payload.find({ collection: 'workflow-events', where: { or: [{ caseAuthor: { equals: id } }, { actor: { equals: id } }] }, ...common }),
      payload.find({ collection: 'contact-messages', where: { sender: { equals: id } }, select: { recipient: true, subject: true, message: true, status: true, createdAt: true }, ...common }),
      payload.find({ collection: 'alert-deliveries', where: { citymaker: { equals: id } }, ...common }),
      payload.find({ collection: 'payload-preferences', where: { and: [{ 'user.value': { equals: id } }, { 'user.relationTo': { equals: 'citymakers' } }] }, ...common }),
    ])
    const body = {
      exportedAt: new Date().toISOString(),
      profile,
      caseStudies: cases.docs,
      workflowEvents: events.docs,
      contactMessagesSent: messages.docs,
      alertDeliveries: alerts.docs,
      preferences: preferences.docs.map(({ key, value }) => ({ key, value })),
    }
    return new Response(JSON.stringify(body, null, 2), {
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="use-citymaker-${id}-export.json"`,
        'cache-control': 'no-store',
      },
    })
  },
}

const credentials = { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } } }
const tags = ['citymakers']

export const accountEndpoints: Endpoint[] = [
  documented(register, {
    summary: 'Register as a citymaker; the account is activated from the mail it receives',
    description: 'The answer is the same, after the same time, for a new and an already registered address (which gets a notice instead).',
    tags,
    requestBody: { required: true, content: jsonContent(z.toJSONSchema(registrationSchema, { io: 'input', unrepresentable: 'any' })) },
    responses: { '202': { description: 'Accepted: check your mail.', content: jsonContent({ type: 'object' }) }, '400': errorResponse('A field is missing or invalid, or an unknown one was sent; the message names it.') },
  }),
  documented(login, {
    summary: 'Log in; the token goes in `Authorization: JWT <token>`',
    tags,
    requestBody: { required: true, content: jsonContent(credentials) },
    responses: { '200': { description: 'The user and a token.', content: jsonContent({ type: 'object' }) }, '401': errorResponse('One answer for an unknown address, a wrong password and a locked account.') },
  }),
  documented(forgotPassword, {
    summary: 'Ask for a password reset mail (same answer for every address)',
    tags,
    requestBody: { required: true, content: jsonContent({ type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }) },
    responses: { '200': { description: 'Accepted.', content: jsonContent({ type: 'object' }) }, '400': errorResponse('No e-mail address given.') },
  }),
  documented(exportData, {
    summary: 'Download everything the platform keeps about me (JSON)',
    tags,
    security: [{ jwt: [] }],
    responses: { '200': { description: 'The export.', content: jsonContent({ type: 'object' }) }, '401': errorResponse('Not logged in.') },
  }),
]
