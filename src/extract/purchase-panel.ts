/**
 * A shop's purchase panel on a product page: the price, stock, delivery and returns promises, tax
 * notes and the rating summary beside the product's description. A reader wants the product (its
 * description, features and specifications), and these lines change from one visit to the next.
 * Only short lines go, each wholly about buying; a sentence of the description that mentions
 * delivery is longer than that and stays.
 */
import { DELIVERY_WORDS, RATING_WORDS, STOCK_WORDS, TAX_WORDS } from './purchase-words';

/** A purchase line is at most this many words ("Free delivery on orders over £50 to the UK"). */
const MAX_WORDS = 12;
/** A price line holds little besides prices and tax notes: at most this many other words. */
const MAX_PRICE_LINE_OTHER_WORDS = 2;

// Blocks only: an inline "in stock" inside a sentence of the description is part of it.
const BLOCKS = 'p, li, div, dd, dt, h2, h3, h4, h5, h6';
const INNER_BLOCKS = 'p, li, div, ul, ol, dl, table, section, article, h1, h2, h3, h4, h5, h6';

const isCjk = (source: string): boolean => /^[\u3000-\u9fff\uac00-\ud7af]/u.test(source);

/** Latin-script words must stand alone ("ht" in "height" is no tax note); CJK ones cannot. */
function wordsPattern(sources: readonly string[]): RegExp {
  const latin = sources.filter((s) => !isCjk(s)).join('|');
  const cjk = sources.filter(isCjk).join('|');
  const alternatives = [`(?:^|[^\\p{L}\\p{N}])(?:${latin})(?=$|[^\\p{L}\\p{N}])`];
  if (cjk) alternatives.push(`(?:${cjk})`);
  return new RegExp(alternatives.join('|'), 'u');
}

const PURCHASE_FACT = wordsPattern([...STOCK_WORDS, ...DELIVERY_WORDS, ...RATING_WORDS]);
const TAX_NOTE_LINE = wordsPattern(TAX_WORDS);
const TAX_NOTE = new RegExp(TAX_NOTE_LINE.source, 'gu');
/** A tax note on its own line ("All prices incl. VAT") is short. */
const MAX_TAX_NOTE_WORDS = 5;
/** A price: a currency sign or code beside a number. */
const PRICE =
  /(?:[$€£¥₹₩]|\b(?:usd|eur|gbp|chf|cad|aud|sek|dkk|nok|pln|zł|kr|r\$))\s?\d[\d.,]*|\d[\d.,]*\s?(?:[€£¥₹₩円元]|zł|kr|kč|usd|eur|gbp|chf|cad|aud|sek|dkk|nok|pln)(?![\p{L}])/u;
const PRICES = new RegExp(PRICE.source, 'gu');

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whether a line of text is wholly about buying the product. */
export function isPurchaseLine(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!line || wordCount(line) > MAX_WORDS) return false;
  if (PURCHASE_FACT.test(line)) return true;
  if (TAX_NOTE_LINE.test(line) && wordCount(line) <= MAX_TAX_NOTE_WORDS) return true;
  if (!PRICE.test(line)) return false;
  const rest = line.replace(PRICES, ' ').replace(TAX_NOTE, ' ');
  return wordCount(rest) <= MAX_PRICE_LINE_OTHER_WORDS;
}

/** Removes the purchase panel's lines under `root`: innermost blocks first, the product's title never. */
export function removePurchaseLines(root: Element): void {
  for (const block of Array.from(root.querySelectorAll(BLOCKS))) {
    if (!root.contains(block) || block.querySelector(INNER_BLOCKS)) continue;
    if (block.closest('h1, table')) continue;
    if (isPurchaseLine(block.textContent ?? '')) block.remove();
  }
}
