/**
 * Clean-up of Readability's pick: the headline, byline and date it keeps at the top, the end
 * matter at the bottom, interface labels and CMS residue anywhere. Each pass stops at the first
 * block of prose it meets, so the body itself is never trimmed.
 */
import { normaliseLabel } from '../clutter';
import { describe, innermostBlocks, removeBlock, type BlockInfo } from './blocks';
import { isBylineLike, isDateline, isEndMatter, isInterfaceLabel, isShortcodeResidue } from './boilerplate';
import { isCaptionText } from './captions';
import { countRemoval } from './removal-counts';
import type { RemovedCounts } from './types';

export interface CleanupContext {
  title: string;
  /** Byline and author names, to recognise bylines and author bios. */
  names: readonly string[];
  removed: RemovedCounts;
}

/** A paragraph a reader reads: long enough, not mostly links. */
function isProse(block: BlockInfo): boolean {
  return block.text.length >= 120 && block.linkDensity < 0.5 && /[.!?。！？"”’)]/u.test(block.text);
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

/** Headline, kicker, byline and dateline above the first paragraph. */
export function removeHeadMatter(article: Element, context: CleanupContext): void {
  for (const element of innermostBlocks(article)) {
    const block = describe(element);
    if (block.text === '') continue;
    if (isProse(block)) return;
    const tag = element.tagName.toUpperCase();
    if (tag === 'FIGURE' || tag === 'TABLE' || tag === 'PRE' || tag === 'BLOCKQUOTE') return;
    if (isHeadMatter(block, context) || isCaptionText(block.text)) {
      removeBlock(element, article);
      countRemoval(context.removed, 'other');
    } else if (!/^H[1-6]$/.test(tag)) {
      return;
    }
  }
}

/** Copyright, contact lines, author bios and link lists below the last paragraph. */
export function removeEndMatter(article: Element, context: CleanupContext): void {
  const blocks = innermostBlocks(article);
  for (let i = blocks.length - 1; i >= 0; i--) {
    const element = blocks[i] as Element;
    const block = describe(element);
    if (block.text === '') continue;
    if (isProse(block) && !isEndMatter(block.text, context.names)) return;
    const endMatter =
      isEndMatter(block.text, context.names) ||
      (block.linkDensity >= 0.8 && block.text.length < 150) ||
      isInterfaceLabel(normaliseLabel(block.text));
    if (!endMatter) return;
    removeBlock(element, article);
    countRemoval(context.removed, 'other');
  }
}

/** Interface labels and shortcode residue anywhere in the article. */
export function removeInterfaceLines(article: Element, context: CleanupContext): void {
  for (const element of innermostBlocks(article)) {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '' || text.length > 300) continue;
    if (isInterfaceLabel(normaliseLabel(text)) || isShortcodeResidue(text)) {
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
