import { lookup } from 'node:dns/promises'
import net from 'node:net'

import { isPrivateAddress, isPublicHttpUrl, isTrustedOrigin } from './urls'

/**
 * Fetches one image a feed names, for the `fetchFeedImages` job: only from public addresses (the
 * name is resolved first and every address it has must be public; redirects are followed by hand,
 * at most 3, each checked the same way) or from an origin the operator trusts (FEED_IMAGE_ORIGINS), only JPEG, PNG or WebP, at most IMAGE_MAX_BYTES (counted
 * while reading, whatever Content-Length claims), within IMAGE_TIMEOUT_MS. The remaining window
 * (DNS answering differently between the check and the connection) is narrowed by checking the
 * resolved addresses right before each request.
 */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024
export const IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }
const IMAGE_TIMEOUT_MS = 20_000

export class ImageRefused extends Error {}

async function assertPublic(url: URL): Promise<void> {
  // an origin the operator named in FEED_IMAGE_ORIGINS (each hop of a redirect is checked anew)
  if (isTrustedOrigin(url)) return
  if (!isPublicHttpUrl(url.toString())) throw new ImageRefused(`${url} is not a public http(s) address`)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const addresses = net.isIP(host) ? [{ address: host }] : await lookup(host, { all: true }).catch(() => {
    throw new ImageRefused(`${url.hostname} does not resolve`)
  })
  const bad = addresses.find((entry) => isPrivateAddress(entry.address))
  if (bad) throw new ImageRefused(`${url.hostname} resolves to a private address (${bad.address})`)
}

export async function fetchPublicImage(href: string): Promise<{ data: Buffer; mimetype: string; name: string }> {
  let url = new URL(href)
  for (let hop = 0; hop <= 3; hop++) {
    await assertPublic(url)
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS), headers: { accept: Object.keys(IMAGE_TYPES).join(', ') } })
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel()
      url = new URL(response.headers.get('location')!, url)
      continue
    }
    if (!response.ok) throw new ImageRefused(`${url} answered ${response.status}`)
    const mimetype = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (!IMAGE_TYPES[mimetype]) {
      await response.body?.cancel()
      throw new ImageRefused(`${url} is ${mimetype || 'of no type'}, not JPEG, PNG or WebP`)
    }
    if (Number(response.headers.get('content-length') ?? 0) > IMAGE_MAX_BYTES) {
      await response.body?.cancel()
      throw new ImageRefused(`${url} is larger than ${IMAGE_MAX_BYTES / 1024 / 1024} MB`)
    }
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length
      if (size > IMAGE_MAX_BYTES) throw new ImageRefused(`${url} is larger than ${IMAGE_MAX_BYTES / 1024 / 1024} MB`)
      chunks.push(Buffer.from(chunk))
    }
    const base = url.pathname.split('/').pop()?.replace(/\.[a-z0-9]+$/i, '').replace(/[^a-zA-Z0-9_-]+/g, '-').slice(0, 80) || 'image'
    return { data: Buffer.concat(chunks), mimetype, name: `${base}.${IMAGE_TYPES[mimetype]}` }
  }
  throw new ImageRefused(`${href}: too many redirects`)
}
