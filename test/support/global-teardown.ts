import { dropDatabase } from '../../src/lib/database'

export default async function globalTeardown() {
  const state = globalThis as { __template?: string; __embedded?: { stop: () => Promise<void> } }
  if (state.__template) await dropDatabase(state.__template).catch(() => {})
  if (state.__embedded) await state.__embedded.stop()
}
