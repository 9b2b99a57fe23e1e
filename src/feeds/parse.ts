import { csvRowToRecord, CSV_COLUMNS } from './schema'

/**
 * Streaming feed parsers: records come out one at a time as the bytes arrive, so a 100,000-record
 * feed never sits in memory whole. A structural error (not an array, broken JSON, an unterminated
 * CSV quote) is a `FeedSyntaxError`: the whole feed is refused. A record that parses but does not
 * fit the schema is the importer's business (reported with its index, the others still import).
 */
export class FeedSyntaxError extends Error {}

export type FeedFormat = 'json' | 'csv'
export type ParsedRecord = { index: number; value: unknown }
type Chunks = AsyncIterable<Uint8Array | string>

async function* decode(source: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const chunk of source) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
      if (text) yield text
    }
    const rest = decoder.decode()
    if (rest) yield rest
  } catch (err) {
    if (err instanceof TypeError) throw new FeedSyntaxError('The feed is not valid UTF-8 text')
    throw err
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\uFEFF'])

/** The elements of a top-level JSON array, each `JSON.parse`d on its own. */
export async function* parseJsonFeed(source: Chunks): AsyncGenerator<ParsedRecord> {
  let state: 'start' | 'value' | 'after' | 'end' = 'start'
  let parts: string[] = []
  let depth = 0
  let inString = false
  let escaped = false
  let index = 0
  let offset = 0
  const where = (i: number) => `at character ${offset + i + 1}`
  const finish = (): ParsedRecord => {
    const text = parts.join('')
    parts = []
    try {
      const value = JSON.parse(text)
      return { index: index++, value }
    } catch (err) {
      throw new FeedSyntaxError(`Record ${index} is not valid JSON: ${(err as Error).message}`)
    }
  }
  for await (const chunk of decode(source)) {
    let start = state === 'value' ? 0 : -1
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!
      if (state === 'value') {
        if (inString) {
          if (escaped) escaped = false
          else if (c === '\\') escaped = true
          else if (c === '"') inString = false
          continue
        }
        if (c === '"') inString = true
        else if (c === '{' || c === '[') depth++
        else if (c === '}' || c === ']') {
          if (depth === 0) {
            // the array's own `]` ends a scalar element (or an empty array)
            parts.push(chunk.slice(start, i))
            if (index === 0 && parts.join('').trim() === '') parts = []
            else yield finish()
            state = 'end'
            start = -1
            continue
          }
          depth--
          if (depth === 0) {
            parts.push(chunk.slice(start, i + 1))
            start = -1
            yield finish()
            state = 'after'
          }
        } else if (c === ',' && depth === 0) {
          parts.push(chunk.slice(start, i))
          start = -1
          yield finish()
          state = 'value'
          start = i + 1
        }
        continue
      }
      if (WHITESPACE.has(c)) continue
      if (state === 'start') {
        if (c !== '[') throw new FeedSyntaxError(`The feed must be a JSON array of records ("[" expected ${where(i)}, found "${c}")`)
        state = 'value'
        start = i + 1
        // an empty array
        let j = i + 1
        while (j < chunk.length && WHITESPACE.has(chunk[j]!)) j++
        if (chunk[j] === ']') {
          state = 'end'
          i = j
          start = -1
        }
      } else if (state === 'after') {
        if (c === ',') {
          state = 'value'
          start = i + 1
        } else if (c === ']') state = 'end'
        else throw new FeedSyntaxError(`"," or "]" expected after record ${index - 1} ${where(i)}, found "${c}"`)
      } else if (state === 'end') {
        throw new FeedSyntaxError(`Unexpected "${c}" after the end of the array ${where(i)}`)
      }
    }
    if (state === 'value' && start !== -1) parts.push(chunk.slice(start))
    offset += chunk.length
  }
  if (state === 'start') throw new FeedSyntaxError('The feed is empty (a JSON array of records expected)')
  if ((state as string) !== 'end') throw new FeedSyntaxError('The feed ends before its array is closed ("]" missing)')
}

/** RFC 4180 rows (quoted cells may hold commas, quotes as "" and line breaks). */
export async function* parseCsvRows(source: Chunks): AsyncGenerator<string[]> {
  let row: string[] = []
  let cell = ''
  let quoted = false
  let quoteSeen = false
  let line = 1
  let atStart = true
  for await (const chunk of decode(source)) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!
      if (atStart) {
        atStart = false
        if (c === '\uFEFF') continue
      }
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false
          if (c === '"') {
            cell += '"'
            continue
          }
          quoted = false
        } else if (c === '"') {
          quoteSeen = true
          continue
        } else {
          if (c === '\n') line++
          cell += c
          continue
        }
      }
      if (c === '"' && cell === '') quoted = true
      else if (c === ',') {
        row.push(cell)
        cell = ''
      } else if (c === '\n') {
        row.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell)
        cell = ''
        line++
        if (!(row.length === 1 && row[0] === '')) yield row
        row = []
      } else cell += c
    }
  }
  if (quoted && !quoteSeen) throw new FeedSyntaxError(`The CSV feed ends inside a quoted cell (opened on or before line ${line})`)
  if (cell !== '' || row.length > 0) {
    row.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell)
    if (!(row.length === 1 && row[0] === '')) yield row
  }
}

/** CSV records as the same objects a JSON feed holds (see `csvRowToRecord`). */
export async function* parseCsvFeed(source: Chunks): AsyncGenerator<ParsedRecord> {
  let header: string[] | undefined
  let index = 0
  for await (const row of parseCsvRows(source)) {
    if (!header) {
      header = row.map((name) => name.trim())
      const seen = new Set<string>()
      for (const name of header) {
        if (seen.has(name)) throw new FeedSyntaxError(`The CSV header names "${name}" twice`)
        seen.add(name)
      }
      if (!seen.has('externalId')) throw new FeedSyntaxError(`The CSV header must name an "externalId" column (columns: ${CSV_COLUMNS.join(', ')})`)
      continue
    }
    if (row.length !== header.length) {
      yield { index: index++, value: { __rowError: `row has ${row.length} cells, the header has ${header.length}`, externalId: row[header.indexOf('externalId')] } }
      continue
    }
    yield { index: index++, value: csvRowToRecord(Object.fromEntries(header.map((name, i) => [name, row[i]!]))) }
  }
  if (!header) throw new FeedSyntaxError('The CSV feed is empty (a header row expected)')
}

export const parseFeed = (format: FeedFormat, source: Chunks) => (format === 'csv' ? parseCsvFeed(source) : parseJsonFeed(source))

/** Reads a whole feed once to find structural errors before anything is written. */
export async function checkFeedSyntax(format: FeedFormat, source: Chunks): Promise<number> {
  let count = 0
  for await (const _ of parseFeed(format, source)) count++
  return count
}
