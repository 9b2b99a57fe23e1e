/**
 * Minimal helpers over Lexical's serialized JSON, for seeds, imports, search text and
 * completeness. They build and read only the node kinds that plain text needs.
 */
type LexicalNode = { type?: string; text?: string; children?: LexicalNode[]; [key: string]: unknown }
export type LexicalState = { root: LexicalNode & { type: 'root' } }

const textNode = (text: string) => ({ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })

export function paragraphsToLexical(paragraphs: string[]): LexicalState {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph) => ({
          type: 'paragraph',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          textFormat: 0,
          textStyle: '',
          children: [textNode(paragraph)],
        })),
    },
  }
}

export function lexicalToPlainText(state: unknown): string {
  const root = (state as LexicalState | null | undefined)?.root
  if (!root) return ''
  const blocks: string[] = []
  const collect = (node: LexicalNode): string =>
    node.type === 'text' || typeof node.text === 'string'
      ? String(node.text ?? '')
      : node.type === 'linebreak'
        ? '\n'
        : (node.children ?? []).map(collect).join('')
  for (const child of root.children ?? []) blocks.push(collect(child))
  return blocks.map((block) => block.trim()).filter(Boolean).join('\n\n')
}

export const isLexicalEmpty = (state: unknown) => lexicalToPlainText(state).trim().length === 0
