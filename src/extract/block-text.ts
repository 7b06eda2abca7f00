/**
 * Plain text of an article in the sense of schema.org `articleBody`: one block per paragraph,
 * subheading, list item, quote or table row, blocks separated by a blank line, so that words of
 * adjacent blocks never run together.
 */
import { BLOCK_TAGS } from './blocks';

/** Elements whose start and end break the text into a new block: blocks, and the parts of tables and forms. */
const BREAK_TAGS: ReadonlySet<string> = new Set([
  ...BLOCK_TAGS,
  'CAPTION',
  'FIELDSET',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
]);

const CELL_TAGS = new Set(['TD', 'TH']);

/** Never text: embedded media, scripts, form controls, and maths' annotations. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'SVG',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'ANNOTATION',
  'ANNOTATION-XML',
]);

export interface BlockTextOptions {
  /** Leaves out whole subtrees, e.g. figure captions for `articleBody`. */
  skip?: (element: Element) => boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Splits `root`'s text into blocks, each with its whitespace collapsed (kept as is inside `pre`). */
export function textBlocks(root: Element, options: BlockTextOptions = {}): string[] {
  const blocks: string[] = [];
  let current = '';
  let preDepth = 0;
  const flush = (): void => {
    const block =
      preDepth > 0
        ? current.replace(/^\n+|\s+$/g, '')
        : current
            .replace(/ {2,}/g, ' ')
            .replace(/ ?\t ?/g, '\t')
            .replace(/[ \t]*\n[ \t]*/g, '\n')
            .trim();
    if (block) blocks.push(block);
    current = '';
  };

  // An explicit stack instead of recursion: pathological pages nest elements thousands deep.
  type Frame = { node: Node; leaving: boolean };
  const stack: Frame[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as Frame;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      current += preDepth > 0 ? value : value.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (leaving) {
      if (tag === 'PRE') {
        flush();
        preDepth--;
      } else if (BREAK_TAGS.has(tag)) flush();
      else if (CELL_TAGS.has(tag)) current += '\t';
      continue;
    }
    if (SKIPPED_TAGS.has(tag) || (node !== root && options.skip?.(element))) continue;
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    if (tag === 'PRE') {
      flush();
      preDepth++;
    } else if (BREAK_TAGS.has(tag)) flush();
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Node, leaving: false });
  }
  flush();
  return blocks;
}

export function blockText(root: Element, options: BlockTextOptions = {}): string {
  return textBlocks(root, options).join('\n\n');
}
