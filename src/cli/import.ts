/**
 * `npm run import -- --partner <slug> <file> [--dry-run] [--retire-missing] [--format json|csv]`
 *
 * Imports a partner feed (src/feeds): reads the file twice, streamed (a syntax check first, so a
 * broken file writes nothing, then the import), shows progress on stderr and prints a summary.
 * `--dry-run` validates and reports what would happen, writing nothing (not even the log).
 * Exit code 0: imported; 2: imported, but records were rejected or conflicted; 1: nothing imported.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import os from 'node:os'
import { Transform } from 'node:stream'
import { parseArgs } from 'node:util'

import { startPayload } from '../lib/boot'
import { closePayload } from '../lib/close'
import type { ImportReport } from '../feeds/engine'
import { checkFeedSyntax, FeedSyntaxError, parseFeed, type FeedFormat } from '../feeds/parse'
import { findPartner, runImport } from '../feeds/run'
import { runCommand } from './run'

const usage = 'Usage: npm run import -- --partner <slug> <file> [--dry-run] [--retire-missing] [--format json|csv]'
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    partner: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'retire-missing': { type: 'boolean', default: false },
    format: { type: 'string' },
    'batch-size': { type: 'string' },
  },
})

function progressBar(total: number) {
  let read = 0
  let last = 0
  const tty = process.stderr.isTTY
  const draw = (records: number, done = false) => {
    const now = Date.now()
    if (!done && now - last < (tty ? 100 : 5000)) return
    last = now
    const share = total ? Math.min(1, read / total) : 0
    const width = 30
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '-')
    const line = `[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${records} records`
    process.stderr.write(tty ? `\r${line}${done ? '\n' : ''}` : `${line}\n`)
  }
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      read += chunk.length
      callback(null, chunk)
    },
  })
  return { counter, draw }
}

function summary(report: ImportReport & { importId?: number }, seconds: number): string {
  const c = report.counts
  const row = (label: string, value: number, extra = '') => `  ${label.padEnd(14)}${value}${extra}`
  const would = (label: string) => (report.dryRun ? `would ${label.replace(/d$/, '')}` : label)
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written)' : `Import${report.importId ? ` #${report.importId}` : ''}`} finished in ${seconds.toFixed(1)} s: ${c.received} records`,
    row(would('created'), c.created),
    row(would('updated'), c.updated),
    row('unchanged', c.unchanged),
    row('invalid', c.invalid),
    row('duplicates', c.duplicates),
    row('conflicts', c.conflicts),
    row(would('retired'), c.retired),
    row('new cities', c.citiesCreated, report.createdCities.length ? ` (${report.createdCities.slice(0, 10).map((city) => `${city.name} (${city.country})`).join(', ')}${report.createdCities.length > 10 ? ', …' : ''})` : ''),
  ]
  for (const problem of report.errors.slice(0, 20)) {
    lines.push(`  record ${problem.index}${problem.externalId ? ` (${problem.externalId})` : ''}: ${problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`)
  }
  if (report.errors.length > 20) lines.push(`  … ${c.invalid + c.duplicates - 20} more rejected records${report.importId ? ` in import ${report.importId}` : ''}`)
  for (const conflict of report.conflicts.slice(0, 20)) lines.push(`  conflict: record ${conflict.index} (${conflict.externalId}), case study ${conflict.caseStudy}: ${conflict.message}`)
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`)
  return lines.join('\n')
}

await runCommand(async () => {
  const file = positionals[0]
  if (!values.partner || !file || positionals.length > 1) {
    console.error(usage)
    return 1
  }
  const format = (values.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'json')) as FeedFormat
  if (format !== 'json' && format !== 'csv') {
    console.error(`--format must be json or csv (got "${values.format}")\n${usage}`)
    return 1
  }
  const size = (await stat(file).catch(() => null))?.size
  if (size === undefined) {
    console.error(`Cannot read the feed file "${file}"`)
    return 1
  }
  try {
    await checkFeedSyntax(format, createReadStream(file))
  } catch (err) {
    if (err instanceof FeedSyntaxError) {
      console.error(`Malformed feed ${file}: ${err.message}\nNothing was imported.`)
      return 1
    }
    throw err
  }
  const payload = await startPayload()
  try {
    const partner = await findPartner(payload, values.partner)
    if (!partner) {
      console.error(`Unknown partner "${values.partner}" (the slug of a partner, e.g. "eurocities")`)
      return 1
    }
    const started = performance.now()
    const { counter, draw } = progressBar(size)
    const report = await runImport(payload, {
      partner,
      dryRun: values['dry-run'],
      retireMissing: values['retire-missing'],
      format,
      source: file,
      startedBy: `CLI (${os.userInfo().username}@${os.hostname()})`,
      log: !values['dry-run'],
      batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
      records: parseFeed(format, createReadStream(file).pipe(counter)),
      onProgress: (_report, processed) => draw(processed),
    })
    draw(report.counts.received, true)
    console.log(summary(report, (performance.now() - started) / 1000))
    return report.counts.invalid + report.counts.duplicates + report.counts.conflicts > 0 ? 2 : 0
  } finally {
    await closePayload(payload)
  }
})
