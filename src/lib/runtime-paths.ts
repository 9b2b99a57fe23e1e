import path from 'node:path'

import { projectRoot } from './paths'

/** Files the app writes (embedded database, uploads, generated secret) live under DATA_DIR. */
export function dataDir(...segments: string[]): string {
  return path.resolve(projectRoot, process.env.DATA_DIR || '.data', ...segments)
}
