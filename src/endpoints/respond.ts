import type { z } from 'zod'

/**
 * How our endpoints answer a bad request: Payload's error shape, `{ errors: [{ message }] }`, so
 * clients read our errors and Payload's alike.
 */
export const fail = (status: number, message: string, headers?: HeadersInit) => Response.json({ errors: [{ message }] }, { status, headers })

/**
 * One message naming every problem zod found. Messages that do not start with their field get
 * it prefixed; keys a body may not have are named with `unknownKeys`' note.
 */
export function zodMessage(error: z.ZodError, unknownKeys = 'not accepted'): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `${issue.keys.join(', ')}: ${unknownKeys}`
      const field = issue.path.join('.')
      return field && !issue.message.startsWith(String(issue.path[0])) ? `${field}: ${issue.message}` : issue.message
    })
    .join('; ')
}
