/**
 * Clean-up of Readability's pick: the headline, byline and date it keeps at the top, the end
 * matter at the bottom, interface labels and CMS residue anywhere. Each pass stops at the first
 * block of prose it meets, so the body itself is never trimmed.
 */
import { normaliseLabel } from '../clutter';
import { trimmedText } from '../clutter/dom';
import { describe, innermostBlocks, MEDIA, removeBlock, type BlockInfo } from './blocks';
import { isBylineLike, isDateline, isEndMatter, isInterfaceLabel, isShortcodeResidue } from './boilerplate';
import { isCaptionText } from './captions';
import { countRemoval } from './removal-counts';
import type { RemovedCounts } from './types';

export interface CleanupContext {
  title: string;
  /** The page's own description (meta tags, JSON-LD), to recognise a standfirst. */
  description: string | null;
  /** Byline and author names, to recognise bylines and author bios. */
  names: readonly string[];
  removed: RemovedCounts;
}

/** A paragraph a reader reads: long enough, not mostly links. */
function isProse(block: BlockInfo): boolean {
  return block.text.length >= 120 && block.linkDensity < 0.5 && /[.!?。！？"”’)]/u.test(block.text);
}

/** Blocks a subheading can introduce besides prose. */
const SECTION_STARTS = new Set(['LI', 'TABLE', 'PRE', 'BLOCKQUOTE', 'DT', 'DD']);
const SECTION_CONTAINERS = /^(UL|OL|DL|TABLE|PRE|BLOCKQUOTE)$/i;

/** Whether a heading stands right over a list, table, code or quote (however deep its blocks). */
function opensList(heading: Element, next: BlockInfo | undefined): boolean {
  const sibling = heading.nextElementSibling;
  return (
    (!!next && SECTION_STARTS.has(next.element.tagName.toUpperCase())) ||
    (!!sibling && SECTION_CONTAINERS.test(sibling.tagName))
  );
}

/** A whole sentence, however short: ends with its full stop. */
function isSentence(block: BlockInfo): boolean {
  return block.text.length >= 40 && block.linkDensity < 0.5 && /[.!?。！？]["”’)]?$/u.test(block.text);
}

function similar(a: string, b: string): boolean {
  const x = normaliseLabel(a);
  const y = normaliseLabel(b);
  if (!x || !y) return false;
  return (
    x === y ||
    (Math.min(x.length, y.length) > 20 && (x.includes(y) || y.includes(x)) && Math.abs(x.length - y.length) < 30)
  );
}

function isHeadMatter(block: BlockInfo, context: CleanupContext): boolean {
  const { text } = block;
  if (text.length > 200) return false;
  if (similar(text, context.title)) return true;
  if (isBylineLike(text, context.names) || isDateline(text)) return true;
  if (/^(https?:\/\/|www\.)\S+$/.test(text)) return true;
  return block.linkDensity >= 0.8 && text.length < 100;
}

/** Text with no letter or digit: stray separators, comment markers, icons' fallbacks. */
function isJunk(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text) && !/\p{Extended_Pictographic}/u.test(text);
}

/** A section label above a headline ("Breaking News", "Entertainment"): short, not a sentence. */
/** Chinese, Japanese and Korean script: words are not separated by spaces. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** A kicker ("独家", "国际新闻") in a CJK script is a few characters: spaces do not count its words. */
const MAX_CJK_KICKER_CHARS = 10;

function isKicker(block: BlockInfo, tag: string): boolean {
  return (
    tag !== 'LI' &&
    block.text.length < (CJK.test(block.text) ? MAX_CJK_KICKER_CHARS + 1 : 40) &&
    block.text.split(/\s+/).length <= 5 &&
    !/[.!?:;,]/.test(block.text) &&
    // A label is one line: a block broken over lines is running text.
    block.element.querySelector('br') === null
  );
}

function isHeading(tag: string): boolean {
  return /^H[1-6]$/.test(tag);
}

/** A first paragraph that repeats the page's description above the byline: the standfirst. */
function isStandfirst(block: BlockInfo, next: BlockInfo | undefined, context: CleanupContext): boolean {
  return (
    !!context.description &&
    !!next &&
    (isBylineLike(next.text, context.names) || isDateline(next.text)) &&
    similar(block.text, context.description)
  );
}

/** How many of the first blocks (after a standfirst) are searched for a byline or dateline. */
const HEAD_BYLINE_BLOCKS = 6;

/**
 * Headline, kicker, byline, dateline and standfirst above the first paragraph. Images there stay;
 * a heading stays when a paragraph follows it (the body's first subheading).
 */
export function removeHeadMatter(article: Element, context: CleanupContext): void {
  splitHeadLines(article);
  // Only the blocks down to the first paragraph of prose, and the few below it that may hold a
  // byline, are ever read: the rest of the article is not measured.
  const blocks: BlockInfo[] = [];
  let hasProse = false;
  for (const element of innermostBlocks(article)) {
    if (hasProse && blocks.length > HEAD_BYLINE_BLOCKS) break;
    const block = describe(element);
    if (block.text === '') continue;
    blocks.push(block);
    if (isProse(block)) hasProse = true;
  }
  const remove = (block: BlockInfo): void => {
    removeBlock(block.element, article);
    countRemoval(context.removed, 'other');
  };
  // An article of short lines only (a poem, a list, a stub) has no head to tell from its body.
  if (!hasProse) return;
  const first = blocks[0];
  if (first && isStandfirst(first, blocks[1], context)) {
    remove(first);
    blocks.shift();
  }
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as BlockInfo;
    if (isProse(block)) break;
    const tag = block.element.tagName.toUpperCase();
    if (tag === 'FIGURE') continue;
    if (tag === 'TABLE' || tag === 'PRE' || tag === 'BLOCKQUOTE') break;
    const next = blocks[i + 1];
    // A subheading over a list, table, code or quote opens the body's first section ("Highlights").
    if (isHeading(tag) && opensList(block.element, next) && !isHeadMatter(block, context)) break;
    // The headline (h1) goes; a subheading stays when a sentence of the body follows it.
    const opensSection =
      !!next && (isProse(next) || (tag !== 'H1' && isSentence(next) && !isHeadMatter(next, context)));
    const strayHeading = isHeading(tag) && !opensSection;
    const kicker = i < 3 && !isHeading(tag) && isKicker(block, tag);
    if (isHeadMatter(block, context) || isCaptionText(block.text) || isJunk(block.text) || kicker || strayHeading) {
      remove(block);
    } else if (!isHeading(tag)) {
      break;
    }
  }
  // Bylines and datelines placed just below the standfirst or first paragraph.
  for (const block of blocks.slice(0, HEAD_BYLINE_BLOCKS)) {
    if (!block.element.isConnected || isProse(block) || block.text.length > 140) continue;
    if (isBylineLike(block.text, context.names) || isDateline(block.text)) remove(block);
  }
}

/**
 * Old templates put section, headline and dateline in one block separated by `<br>`: above the
 * first paragraph, such lines become blocks of their own so that each can be judged.
 */
function splitHeadLines(article: Element): void {
  const doc = article.ownerDocument;
  for (const element of innermostBlocks(article).slice(0, 4)) {
    const block = describe(element);
    if (isProse(block)) return;
    if (!element.querySelector(':scope > br') || element.tagName.toUpperCase() === 'PRE') continue;
    const lines: Node[][] = [[]];
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeName === 'BR') lines.push([]);
      else (lines[lines.length - 1] as Node[]).push(node);
    }
    const filled = lines.filter((line) => line.some((node) => (node.textContent ?? '').trim() !== ''));
    // Lines that go on in lower case are one sentence with hard line breaks, not head lines.
    if (
      filled.slice(1).some((line) =>
        /^\p{Ll}/u.test(
          line
            .map((n) => n.textContent ?? '')
            .join('')
            .trim(),
        ),
      )
    )
      continue;
    const paragraphs = filled.map((line) => {
      const p = doc.createElement('p');
      p.append(...line);
      return p;
    });
    element.replaceChildren(...paragraphs);
  }
}

/** Headings of an article's own list of sources, not of links to more stories. */
const SOURCES_HEADING =
  /^(sources?|references?|links|sources (and|&) links|further reading|bibliography|notes|citations?|quellen|références|fuentes)\b/i;

/** The list right below a heading that names the article's sources. */
function sourcesBelow(heading: Element): Element | null {
  if (!SOURCES_HEADING.test(trimmedText(heading))) return null;
  const next = heading.nextElementSibling;
  return next && /^(UL|OL)$/i.test(next.tagName) ? next : null;
}

/**
 * Copyright, contact lines, author bios and link lists below the last paragraph. A list of links
 * under a heading that names them as the article's sources ("Sources & links", "References") stays.
 */
export function removeEndMatter(article: Element, context: CleanupContext): void {
  const blocks = innermostBlocks(article);
  if (!blocks.some((element) => isProse(describe(element)))) return;
  const run: Element[] = [];
  let stop: Element | null = null;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const element = blocks[i] as Element;
    const block = describe(element);
    if (block.text === '') continue;
    const endMatter =
      isEndMatter(block.text, context.names) ||
      isJunk(block.text) ||
      isDateline(block.text) ||
      (block.linkDensity >= 0.8 && block.text.length < 150) ||
      isInterfaceLabel(normaliseLabel(block.text));
    if ((isProse(block) && !isEndMatter(block.text, context.names)) || !endMatter) {
      stop = element;
      break;
    }
    run.push(element);
  }
  const headingAbove = stop && isHeading(stop.tagName.toUpperCase()) ? stop : null;
  const sectionList = headingAbove ? sourcesBelow(headingAbove) : null;
  // A subheading over nothing but end matter ("Related", "More from the author") goes with it.
  if (headingAbove && !sectionList && run.length > 0) run.push(headingAbove);
  for (const element of run) {
    if (sectionList?.contains(element)) continue;
    removeBlock(element, article);
    countRemoval(context.removed, 'other');
  }
}

/** The links of a post's tags or categories: the rel-tag microformat, which blog engines emit. */
const TAG_LINK = 'a[rel~="tag" i]';
/** Text a tag list may hold besides its links: a label ("Tags:", "Filed under"). */
const TAG_LABEL_CHARS = 30;

/**
 * A block of tag links and at most a short label: navigation to other posts, not text. A block
 * with media in it is more than that: a tag link is no reason to drop a picture.
 */
export function isTagList(element: Element): boolean {
  if (element.querySelector(TAG_LINK) === null || element.querySelector(MEDIA) !== null) return false;
  let rest = 0;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const link = node.parentElement?.closest(TAG_LINK);
    if (link && element.contains(link)) continue;
    rest += (node.nodeValue ?? '').replace(/[\s,;:|/·•–—-]+/gu, '').length;
    if (rest > TAG_LABEL_CHARS) return false;
  }
  return true;
}

/** Interface labels, tag lists and shortcode residue anywhere in the article. */
export function removeInterfaceLines(article: Element, context: CleanupContext): void {
  for (const element of innermostBlocks(article)) {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (
      isTagList(element) ||
      (text.length <= 300 && (isInterfaceLabel(normaliseLabel(text)) || isShortcodeResidue(text)))
    ) {
      removeBlock(element, article);
      countRemoval(context.removed, 'other');
    }
  }
}

/** Forms, buttons and inputs left inside the article: nothing a reader can use in the copy. */
export function removeControls(article: Element, context: CleanupContext): void {
  for (const control of Array.from(article.querySelectorAll('form, button, input, select, textarea, label'))) {
    if (!control.isConnected) continue;
    removeBlock(control, article);
    countRemoval(context.removed, 'other');
  }
}
