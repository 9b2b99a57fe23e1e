import type { LexicalState } from '../lib/lexical'

/**
 * Feed texts (Markdown or plain paragraphs) as Lexical rich text: paragraphs (blank-line
 * separated, single line breaks kept), `#` headings, `-`/`*`/`1.` lists, `**bold**`, `_italic_`
 * / `*italic*` and `[links](https://…)`. Anything else stays literal text: a feed never injects
 * markup the editor does not know.
 */
type Node = Record<string, unknown>
const block = (type: string, children: Node[], extra: Node = {}): Node => ({ type, format: '', indent: 0, version: 1, direction: 'ltr', children, ...extra })
const text = (value: string, format = 0): Node => ({ type: 'text', text: value, detail: 0, format, mode: 'normal', style: '', version: 1 })

const INLINE = /\*\*(.+?)\*\*|(?<![\w*])_(.+?)_(?!\w)|(?<![\w*])\*(?!\s)(.+?)\*(?!\w)|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g

export function inlineNodes(line: string): Node[] {
  const nodes: Node[] = []
  let last = 0
  for (const match of line.matchAll(INLINE)) {
    if (match.index > last) nodes.push(text(line.slice(last, match.index)))
    if (match[1] !== undefined) nodes.push(text(match[1], 1))
    else if (match[2] !== undefined || match[3] !== undefined) nodes.push(text((match[2] ?? match[3])!, 2))
    else nodes.push({ ...block('link', [text(match[4]!)]), version: 3, fields: { linkType: 'custom', newTab: false, url: match[5] } })
    last = match.index + match[0].length
  }
  if (last < line.length) nodes.push(text(line.slice(last)))
  return nodes
}

const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/

export function markdownToLexical(source: string): LexicalState {
  const children: Node[] = []
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  let paragraph: string[] = []
  let list: { ordered: boolean; items: Node[] } | undefined
  const flushParagraph = () => {
    if (!paragraph.length) return
    const nodes: Node[] = []
    paragraph.forEach((line, i) => {
      if (i > 0) nodes.push({ type: 'linebreak', version: 1 })
      nodes.push(...inlineNodes(line))
    })
    children.push(block('paragraph', nodes, { textFormat: 0, textStyle: '' }))
    paragraph = []
  }
  const flushList = () => {
    if (!list) return
    children.push(block('list', list.items, { listType: list.ordered ? 'number' : 'bullet', start: 1, tag: list.ordered ? 'ol' : 'ul' }))
    list = undefined
  }
  for (const raw of lines) {
    const line = raw.trimEnd()
    if (line.trim() === '') {
      flushParagraph()
      flushList()
      continue
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line.trim())
    const item = LIST_ITEM.exec(line)
    if (heading) {
      flushParagraph()
      flushList()
      // h1 is the case's title: headings inside a section start at h2
      const level = Math.min(6, Math.max(2, heading[1]!.length + 1))
      children.push(block('heading', inlineNodes(heading[2]!), { tag: `h${level}` }))
    } else if (item) {
      flushParagraph()
      const ordered = item[2] !== undefined
      if (list && list.ordered !== ordered) flushList()
      list ??= { ordered, items: [] }
      list.items.push(block('listitem', inlineNodes(item[3]!), { value: list.items.length + 1 }))
    } else {
      flushList()
      paragraph.push(line.trim())
    }
  }
  flushParagraph()
  flushList()
  return { root: { ...block('root', children), type: 'root' } } as LexicalState
}
