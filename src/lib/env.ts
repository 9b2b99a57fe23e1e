import { z } from 'zod'

/**
 * Every configuration variable the platform reads, validated in one place.
 * `.env.example` documents the same list; `test/env.test.ts` keeps the two in step.
 */

// Secrets that have been published somewhere (docs, templates) must never guard production.
const KNOWN_DEFAULT_SECRETS = new Set(['', 'secret', 'changeme', 'change-me', 'YOUR_SECRET_HERE', 'replace-me'])

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && url.pathname.length > 1
    } catch {
      return false
    }
  },
  { message: 'must be a URL like postgres://user:password@host:5432/database' },
)

const smtpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== ''
    } catch {
      return false
    }
  },
  { message: 'must be a URL like smtp://user:password@host:587 or smtps://host:465' },
)

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'http:' || url.protocol === 'https:'
    } catch {
      return false
    }
  },
  { message: 'must be an http(s) URL such as https://use.example.org' },
)

const ORIGINS_EXPECTED = 'must be a comma-separated list of origins like https://media.example.org:8443'

/**
 * `FEED_IMAGE_ORIGINS`: origins (scheme, host, port) that feeds may name for images and the image
 * job may fetch from although they are not public, e.g. a partner's media server inside our own
 * network. Empty by default: only the public internet.
 */
export function parseOrigins(value: string): string[] | string {
  const origins: string[] = []
  for (const item of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    let url: URL
    try {
      url = new URL(item)
    } catch {
      return `${ORIGINS_EXPECTED} ("${item}" is not a URL)`
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item.replace(/\/$/, '')) {
      return `${ORIGINS_EXPECTED} ("${item}" is not an http(s) origin without a path)`
    }
    origins.push(url.origin)
  }
  return origins
}

const originList = z.string().transform((value, ctx) => {
  const origins = parseOrigins(value)
  if (typeof origins === 'string') {
    ctx.addIssue({ code: 'custom', message: origins })
    return z.NEVER
  }
  return origins
})

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  SERVER_URL: httpUrl.optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PAYLOAD_SECRET: z.string().optional(),
  ADMIN_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
  ADMIN_PASSWORD: z.string().min(12, { error: 'must have at least 12 characters' }).optional(),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM_ADDRESS: z.email({ error: 'must be an e-mail address' }).default('no-reply@use.localhost'),
  MAIL_FROM_NAME: z.string().min(1).default('Urban Sustainability Exchange'),
  SEED_DEMO: booleanFlag.optional(),
  ADMIN_UI: booleanFlag.default(true),
  JOBS_WORKER: booleanFlag.default(true),
  JOBS_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  CONTACT_LIMIT_HOUR: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(10_000).default(10),
  CONTACT_LIMIT_DAY: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(100_000).default(50),
  CONTACT_RETENTION_DAYS: z.coerce.number({ error: 'must be a number of days' }).int().min(1).max(3650).default(180),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FEED_IMAGE_ORIGINS: originList.default([]),
})

export type Env = z.infer<typeof envSchema> & {
  HOST: string
  SERVER_URL: string
  SEED_DEMO: boolean
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** Parses the environment; throws one ConfigError whose message names every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings in .env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  )
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
  }
  const env = result.data
  const production = env.NODE_ENV === 'production'
  // `next build` evaluates the config to collect page data; the build holds no secret, the running server does.
  const building = source.NEXT_PHASE === 'phase-production-build'
  if (production && !building && (!env.PAYLOAD_SECRET || KNOWN_DEFAULT_SECRETS.has(env.PAYLOAD_SECRET) || env.PAYLOAD_SECRET.length < 32)) {
    throw new ConfigError(
      'PAYLOAD_SECRET must be set to a random value of at least 32 characters in production (e.g. `openssl rand -hex 32`)',
    )
  }
  const host = env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1')
  return {
    ...env,
    HOST: host,
    SERVER_URL: (env.SERVER_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    SEED_DEMO: env.SEED_DEMO ?? !production,
  }
}

export { KNOWN_DEFAULT_SECRETS }
