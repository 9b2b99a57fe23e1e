import { readFileSync } from 'node:fs'

import { ConfigError, readEnv } from '../src/lib/env'
import { fromRoot } from '../src/lib/paths'

const errorOf = (env: Record<string, string>) => {
  try {
    readEnv(env)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return (err as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('configuration', () => {
  test('defaults are usable for development without any variable', () => {
    const env = readEnv({})
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, HOST: '127.0.0.1', SERVER_URL: 'http://localhost:3000', SEED_DEMO: true })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  test('a malformed DATABASE_URL is named with the expected form', () => {
    expect(errorOf({ DATABASE_URL: 'localhost:5432/use' })).toMatch(/DATABASE_URL must be a URL like postgres:\/\//)
    expect(errorOf({ DATABASE_URL: 'mysql://u@h/db' })).toMatch(/DATABASE_URL/)
  })

  test('FEED_IMAGE_ORIGINS: origins only, named when one is not', () => {
    expect(readEnv({}).FEED_IMAGE_ORIGINS).toEqual([])
    expect(readEnv({ FEED_IMAGE_ORIGINS: 'https://media.partner.internal:8443, http://10.1.2.3/' }).FEED_IMAGE_ORIGINS).toEqual(['https://media.partner.internal:8443', 'http://10.1.2.3'])
    expect(errorOf({ FEED_IMAGE_ORIGINS: 'https://media.partner.internal/images' })).toMatch(/FEED_IMAGE_ORIGINS .*"https:\/\/media.partner.internal\/images" is not an http\(s\) origin without a path/)
    expect(errorOf({ FEED_IMAGE_ORIGINS: 'ftp://files.example.org' })).toMatch(/FEED_IMAGE_ORIGINS/)
    expect(errorOf({ FEED_IMAGE_ORIGINS: 'not a url' })).toMatch(/"not a url" is not a URL/)
  })

  test('several bad values are reported together', () => {
    const message = errorOf({ PORT: 'eighty', SMTP_URL: 'mail.example.org', LOG_LEVEL: 'loud' })
    expect(message).toMatch(/PORT/)
    expect(message).toMatch(/SMTP_URL must be a URL like smtp:/)
    expect(message).toMatch(/LOG_LEVEL/)
  })

  test('production refuses a missing, short or well-known secret in one line', () => {
    for (const secret of [undefined, 'secret', 'changeme', 'short-but-random-4f2a']) {
      const message = errorOf({ NODE_ENV: 'production', ...(secret ? { PAYLOAD_SECRET: secret } : {}) })
      expect(message).toMatch(/^PAYLOAD_SECRET must be set to a random value of at least 32 characters in production/)
      expect(message).not.toContain('\n')
    }
    expect(readEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'a'.repeat(16) + 'b'.repeat(16) }).HOST).toBe('0.0.0.0')
  })

  test('.env.example documents exactly the variables the schema reads', () => {
    const documented = readFileSync(fromRoot('.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0])
      .sort()
    const source = readFileSync(fromRoot('src/lib/env.ts'), 'utf8')
    const schemaBlock = source.slice(source.indexOf('const envSchema = z.object({'), source.indexOf('})\n\nexport type Env'))
    const read = [...schemaBlock.matchAll(/^\s{2}([A-Z_]+):/gm)].map((m) => m[1]).sort()
    expect(documented).toEqual(read)
  })
})
