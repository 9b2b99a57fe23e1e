import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

/** Express request -> Fetch `Request`, streaming the body (feeds can be large). */
export function toWebRequest(req: ExpressRequest): Request {
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const each of value) headers.append(name, each)
    else headers.set(name, value)
  }
  const controller = new AbortController()
  req.once('close', () => {
    if (!req.complete) controller.abort()
  })
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    // HEAD is GET without the body (RFC 9110), and Payload routes GET only: feed readers and link
    // checkers ask HEAD; `sendWebResponse` then sends the headers alone
    method: req.method === 'HEAD' ? 'GET' : req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit)
}

/** Fetch `Response` -> Express response, keeping every Set-Cookie header. */
export async function sendWebResponse(response: Response, res: ExpressResponse): Promise<void> {
  res.status(response.status)
  if (response.statusText) res.statusMessage = response.statusText
  response.headers.forEach((value, name) => {
    if (name.toLowerCase() !== 'set-cookie') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (res.req.method === 'HEAD') {
    // the body is never read: a streamed export stops before its first batch
    await response.body?.cancel()
    res.end()
    return
  }
  if (!response.body) {
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    const body = Readable.fromWeb(response.body as unknown as NodeReadableStream)
    body.on('error', reject)
    res.on('close', resolve)
    body.pipe(res)
  })
}
