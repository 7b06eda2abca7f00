/**
 * Why a page scores badly, in a line: the largest block we added that the ground truth lacks, or
 * the largest block of the ground truth we missed, with a guess at what kind of text it is.
 */
import { isCaptionText } from '../../../src/extract/captions';
import { hasDate } from '../../../src/extract/boilerplate';
import { snippet } from './markdown';
import { shingles } from './score';

function share(block: string, reference: Map<string, number>): number {
  const own = shingles(block);
  let hit = 0;
  let all = 0;
  for (const [key, count] of own) {
    all += count;
    hit += Math.min(count, reference.get(key) ?? 0);
  }
  return all === 0 ? 1 : hit / all;
}

function kind(blocks: string[]): string {
  const joined = blocks.join(' ');
  if (blocks.length >= 4 && blocks.every((b) => b.length < 120))
    return 'a list of short lines (links, teasers or labels)';
  if (blocks.some((b) => isCaptionText(b))) return 'captions or credits';
  if (blocks.every((b) => b.length < 140 && hasDate(b))) return 'datelines';
  if (/©|copyright|all rights reserved/i.test(joined)) return 'copyright lines';
  if (/\b(subscribe|newsletter|sign up)\b/i.test(joined)) return 'a subscription box';
  if (/^(related|more|read more|see also|you may also like)\b/im.test(joined)) return 'related links';
  return blocks.some((b) => b.length >= 200) ? 'prose the ground truth leaves out' : 'short lines';
}

export function reasonFor(predicted: string, expected: string, fp: number, fn: number): string {
  if (!predicted.trim()) return 'nothing extracted';
  const gold = shingles(expected);
  const pred = shingles(predicted);
  if (fp >= fn) {
    const extra = predicted.split(/\n\n+/).filter((b) => share(b, gold) < 0.5 && b.trim());
    const largest = [...extra].sort((a, b) => b.length - a.length)[0] ?? '';
    return `extra ${kind(extra)}: “${snippet(largest, 70)}”`;
  }
  const missing = expected.split(/\n+/).filter((b) => share(b, pred) < 0.5 && b.trim());
  const largest = [...missing].sort((a, b) => b.length - a.length)[0] ?? '';
  return `missed ${missing.length} block${missing.length === 1 ? '' : 's'}, e.g. “${snippet(largest, 70)}”`;
}
