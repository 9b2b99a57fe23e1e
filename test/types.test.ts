import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { generateTypes } from 'payload/node'

import { fromRoot } from '../src/lib/paths'
import { loadConfig } from '../src/lib/runtime'

test('payload-types.ts is generated from the current config (run `npm run generate:types` after schema changes)', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'use-types-'))
  try {
    const config = await loadConfig()
    const outputFile = path.join(dir, 'payload-types.ts')
    await generateTypes({ ...config, typescript: { ...config.typescript, outputFile } }, { log: false })
    expect(await readFile(outputFile, 'utf8')).toBe(await readFile(fromRoot('payload-types.ts'), 'utf8'))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
