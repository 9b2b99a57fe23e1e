import type { Pool, PoolClient } from 'pg'
import type { Payload } from 'payload'

/**
 * Closes Payload and its connection pool. `payload.destroy()` leaves the pool open, and the
 * postgres adapter keeps one client checked out for good (its reconnect watcher in connect.js),
 * so `pool.end()` alone would wait forever: release that client first, then end the pool.
 */
export async function closePayload(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  await payload.destroy()
  if (pool && !(pool as Pool & { ending?: boolean }).ending) {
    const internals = pool as unknown as { _clients: PoolClient[]; _idle: Array<{ client: PoolClient }> }
    const idle = new Set(internals._idle.map((item) => item.client))
    for (const client of [...internals._clients]) {
      if (!idle.has(client)) client.release()
    }
    await pool.end()
  }
  const cache = (globalThis as { _payload?: Map<string, { payload?: Payload }> })._payload
  for (const [key, entry] of cache ?? []) if (entry.payload === payload) cache!.delete(key)
}
