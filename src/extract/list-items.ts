/**
 * A list page (a front page, a category, search results, a shop's collection) as a clean list of
 * its items: each item's title as a link, its picture and its text (teaser, date, price), without
 * the card layout around them. Items are found by their shape: at least four siblings of one kind
 * (tag and classes, numbers aside), each with a link, holding most of the content's text.
 */
import { kindOf } from './discussion';

const MIN_ITEMS = 4;
/** The items hold at least this share of the content's text. */
const MIN_SHARE = 0.5;
/** An item's title link holds at least this share of its text (a paragraph with a link is no item). */
const MIN_TITLE_SHARE = 0.2;

function textLength(node: Node): number {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/** An element with a link that reads as its title: a heading, a picture, or much of its text. */
function isItem(element: Element): boolean {
  const links = element.localName === 'a' ? [element] : Array.from(element.querySelectorAll('a[href]'));
  if (links.length === 0) return false;
  if (element.querySelector('h1, h2, h3, h4, h5, h6, img, picture')) return true;
  const longest = Math.max(...links.map(textLength));
  return longest >= textLength(element) * MIN_TITLE_SHARE;
}

/** The largest run of sibling items under `root`, or null when the content is not a list. */
export function findListItems(root: Element): Element[] | null {
  const total = textLength(root);
  if (total === 0) return null;
  let best: Element[] | null = null;
  let bestText = 0;
  for (const parent of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (parent.children.length < MIN_ITEMS) continue;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(parent.children)) {
      if (!isItem(child)) continue;
      const kind = kindOf(child);
      const group = groups.get(kind);
      if (group) group.push(child);
      else groups.set(kind, [child]);
    }
    for (const items of groups.values()) {
      if (items.length < MIN_ITEMS) continue;
      const text = items.reduce((sum, item) => sum + textLength(item), 0);
      if (text > bestText) {
        best = items;
        bestText = text;
      }
    }
  }
  return best && bestText >= total * MIN_SHARE ? best : null;
}

/** The item's title: its first heading's text, else its longest link's. */
function titleLink(item: Element): { text: string; href: string } | null {
  const links = item.localName === 'a' ? [item] : Array.from(item.querySelectorAll('a[href]'));
  const heading = item.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
  const inHeading = heading ? (heading.querySelector('a[href]') ?? heading.closest('a[href]')) : null;
  const link =
    inHeading ??
    links.reduce<Element | null>((best, a) => (!best || textLength(a) > textLength(best) ? a : best), null);
  const text = ((heading ?? link)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const href = link?.getAttribute('href');
  return text && href ? { text, href } : null;
}

/** The item's lines of text besides its title, in order. */
function otherLines(item: Element, title: string): string[] {
  const lines: string[] = [];
  const doc = item.ownerDocument;
  const walker = doc.createTreeWalker(item, 4);
  let line = '';
  const blockOf = (node: Node): Element | null => {
    for (let el = node.parentElement; el && el !== item; el = el.parentElement) {
      if (/^(p|div|li|h[1-6]|dd|dt|span|time|small|figcaption)$/.test(el.localName)) return el;
    }
    return item;
  };
  let block: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const owner = blockOf(node);
    if (owner !== block && line) {
      lines.push(line);
      line = '';
    }
    block = owner;
    line = line ? `${line} ${text}` : text;
  }
  if (line) lines.push(line);
  return lines.filter((l) => l !== title && !title.includes(l));
}

/**
 * Replaces the items under their parent with one `<ul>`: per item, a heading with the title link,
 * the first picture, and its other lines as paragraphs. Returns whether it did.
 */
export function rebuildAsList(items: readonly Element[]): boolean {
  const first = items[0];
  if (!first?.parentElement) return false;
  const doc = first.ownerDocument;
  const list = doc.createElement('ul');
  for (const item of items) {
    const title = titleLink(item);
    const li = doc.createElement('li');
    const image = item.querySelector('img[src], picture');
    if (title) {
      const heading = doc.createElement('h3');
      const a = doc.createElement('a');
      a.setAttribute('href', title.href);
      a.textContent = title.text;
      heading.append(a);
      li.append(heading);
    }
    if (image) li.append(image.cloneNode(true));
    for (const line of otherLines(item, title?.text ?? '')) {
      const p = doc.createElement('p');
      p.textContent = line;
      li.append(p);
    }
    list.append(li);
  }
  first.before(list);
  for (const item of items) item.remove();
  return true;
}
