import net from 'node:net'

import { parseOrigins } from '../lib/env'

/**
 * Image and source URLs in feeds must point at the public internet: the image job fetches them
 * from inside our network, so loopback, private, link-local and other special addresses (and
 * names that are only local) are refused before anything is fetched. The fetching job must check
 * the resolved address again (DNS can point a public name at a private address).
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '')
  if (net.isIPv4(ip)) {
    const [a, b] = ip.split('.').map(Number) as [number, number]
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224
  }
  if (net.isIPv6(ip)) {
    const lower = ip.toLowerCase()
    // "::…" is unspecified, loopback or an embedded IPv4 address (URL writes ::ffff:127.0.0.1 as
    // ::ffff:7f00:1); NAT64, unique-local, link-local, multicast, documentation, discard: all refused
    if (lower.startsWith('::')) return true
    return /^(fc|fd|fe8|fe9|fea|feb|ff|64:ff9b:|2001:db8:|100::)/.test(lower)
  }
  return false
}

export function isPublicHttpUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.username || url.password) return false
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (net.isIP(host.replace(/^\[|\]$/g, ''))) return !isPrivateAddress(host)
  if (!host.includes('.') || host === 'localhost' || /\.(localhost|local|internal|lan|home|arpa)$/.test(host)) return false
  return true
}

let trusted: { raw: string; origins: ReadonlySet<string> } | undefined

/** Whether `url` is on an origin the operator trusts although it is not public (FEED_IMAGE_ORIGINS, checked at start). */
export function isTrustedOrigin(url: URL): boolean {
  const raw = process.env.FEED_IMAGE_ORIGINS ?? ''
  if (trusted?.raw !== raw) {
    const origins = parseOrigins(raw)
    trusted = { raw, origins: new Set(typeof origins === 'string' ? [] : origins) }
  }
  return trusted.origins.has(url.origin)
}

/** A URL a feed may name and the image job may fetch: public, or on a trusted origin. */
export function isFetchableUrl(value: string): boolean {
  if (isPublicHttpUrl(value)) return true
  try {
    return isTrustedOrigin(new URL(value))
  } catch {
    return false
  }
}
