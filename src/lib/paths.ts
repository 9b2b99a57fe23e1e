import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root, whichever file or working folder the process started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export const fromRoot = (...segments: string[]) => path.resolve(projectRoot, ...segments)
