/**
 * Lines that are never article text, wherever they appear: widget leftovers and interface labels
 * that survive Readability because they sit inside the article's container. The clutter rules'
 * labels (advertisement, newsletter and share labels) are applied too, by the clutter pass.
 */
import { hasDate, NOT_LETTER } from '../clutter/dates';
import { PatternIndex } from '../clutter/word-index';
import {
  BYLINE_PREFIXES,
  CJK_BYLINE,
  DATELINE_WORDS,
  END_MATTER_OTHER,
  INTERFACE_LABELS_BY_LANGUAGE,
} from './boilerplate-words';

/** One pattern each, lowercase: matched against a whole normalised line. */
export const INTERFACE_LABELS = [
  'skip to (main )?(content|navigation|article)',
  'jump to (main )?(content|navigation|article)',
  'this (slideshow|gallery|video|content|embed) requires javascript\\.?',
  'please enable javascript.{0,80}',
  'enable javascript.{0,80}',
  'javascript is (required|disabled).{0,80}',
  'your browser does not support .{0,80}',
  'loading( content| comments| more)?',
  'image \\d+ (of|/) \\d+',
  'photo \\d+ (of|/) \\d+',
  'slide \\d+ (of|/) \\d+',
  'picture \\d+ (of|/) \\d+',
  '\\d+ (of|/) \\d+',
  '\\d{1,3}',
  'this (web)?site uses cookies.{0,300}',
  'our (web)?site uses cookies.{0,300}',
  'we use cookies.{0,300}',
  'by (continuing|using) (to use )?(this|our) (web)?site.{0,200}cookies.{0,200}',
  'toggle caption',
  'hide caption',
  'show caption',
  'caption',
  'close',
  'enlarge( this)? (image|photo)',
  'click to (enlarge|expand|play)',
  'view (full|larger) (image|photo)',
  'view (the )?(image|photo) gallery',
  'open (the )?(image|photo) gallery',
  'see (the )?(image|photo) gallery',
  '\\d+ (photos|images|pictures)',
  'back to (top|home)',
  'print( this( article| story| page)?)?',
  'e-mail( this( article| story| page)?)?',
  'email( this( article| story| page)?)?',
  'next( (article|story|post|page))?',
  'previous( (article|story|post|page))?',
  'prev( (article|story|post|page))?',
  'expand',
  'collapse',
  'more',
  'less',
  'menu',
  'search',
  'sign in',
  'log in',
  'log out',
  'sign out',
  'register',
  'listen( to (this|the) (article|story))?( \\d+ min(utes)?)?',
  'audio (is )?(not )?available.{0,40}',
  'video (is )?(not )?available.{0,40}',
  'updated',
  'published',
  'posted',
  'view (author )?archive',
  'email the author',
  'follow( (us|me))?',
  'tags?',
  'topics?',
  'filed under',
];

// No `i` flag: the text is lowercased already (normaliseLabel), and `i` with `u` has V8 compile
// Unicode case folding into every character of the pattern, about 5 ms on a fresh page. Indexed by
// first word (see src/clutter/word-index.ts): a page compiles only the labels its lines start like.
const INTERFACE_LABEL = new PatternIndex(
  [['', [...INTERFACE_LABELS, ...INTERFACE_LABELS_BY_LANGUAGE].sort()]],
  ' ',
  true,
);

/** `normalised`: the line as `normaliseLabel` returns it (lowercase). */
export function isInterfaceLabel(normalised: string): boolean {
  return normalised.length < 400 && INTERFACE_LABEL.test(normalised);
}

/** A line that is shortcode residue from a CMS: `[button link="…"]Text[/button]`. */
export function isShortcodeResidue(text: string): boolean {
  return (
    /^\[[a-z_-]+(\s[^\]]*)?\].*\[\/[a-z_-]+\]$/i.test(text.trim()) || /^\[[a-z_-]+\s[^\]]*=[^\]]*\]$/i.test(text.trim())
  );
}

export { hasDate };

const DATELINE_START = /^(first |last )?(published|updated|posted|modified|created|date|dated)\b/;
/** "Veröffentlicht am 5. März": a word of the other languages, then a number close after it. */
const OTHER_DATELINE_START = new RegExp(`^(${DATELINE_WORDS.join('|')})${NOT_LETTER}.{0,60}\\d`);
const HAN_OR_KANA = /[\u3040-\u30ff\u3400-\u9fff]/g;

/** Words of a line, a Chinese or Japanese character counting half (their words are about two characters). */
function wordCount(text: string): number {
  const hanOrKana = text.match(HAN_OR_KANA)?.length ?? 0;
  const rest = text.replace(HAN_OR_KANA, ' ').trim();
  return (rest === '' ? 0 : rest.split(/\s+/).length) + Math.ceil(hanOrKana / 2);
}

/** "Published 4:00 am, Wednesday" / "Updated Nov 19" / "By Jane Doe | November 18, 2019" / "vor 3 Stunden". */
export function isDateline(text: string): boolean {
  if (text.length > 140) return false;
  const lower = text.toLowerCase();
  if (DATELINE_START.test(lower) || (/\d/.test(lower) && OTHER_DATELINE_START.test(lower))) return true;
  return hasDate(text) && wordCount(text.replace(/[\d\s:.,/|–—-]+/g, ' ')) <= 14;
}

const BYLINE_PREFIX = /^(by|written by|words by|story by|reporting by|posted by)\s+\S/i;
/** Other languages' openers: "Par ailleurs" and "Di solito" open sentences, so a capital must follow. */
const OTHER_BYLINE_PREFIX = new RegExp(`^(${BYLINE_PREFIXES.join('|')})(\\s+|(?<=:)\\s*)`);
const CJK_BYLINE_PREFIX = new RegExp(CJK_BYLINE);

function hasBylinePrefix(text: string): boolean {
  if (BYLINE_PREFIX.test(text) || CJK_BYLINE_PREFIX.test(text)) return true;
  const prefix = OTHER_BYLINE_PREFIX.exec(text.toLowerCase());
  if (!prefix) return false;
  const next = text.charAt(prefix[0].length);
  return next !== next.toLowerCase();
}

export function isBylineLike(text: string, names: readonly string[]): boolean {
  if (text.length > 160) return false;
  if (hasBylinePrefix(text) && text.split(/\s+/).length <= 18) return true;
  const lower = text.toLowerCase();
  return names.some((name) => name.length > 3 && lower.includes(name.toLowerCase()) && text.length <= name.length + 60);
}

/** End matter in the other languages: at the start of a line, and anywhere in it. */
const OTHER_OPENING = new RegExp(
  `^((${END_MATTER_OTHER.source})\\s*[:：]|(${END_MATTER_OTHER.credit}|${END_MATTER_OTHER.author})${NOT_LETTER})`,
);
const OTHER_ANYWHERE = new RegExp(
  `${END_MATTER_OTHER.rights}|${END_MATTER_OTHER.reprint}|\\b${END_MATTER_OTHER.followUs}${NOT_LETTER}`,
);
const BIO_VERB = new RegExp(
  `(^|[\\s,])(is|was|writes|covers|reports|joined|has been|${END_MATTER_OTHER.bio})(?=[\\s,]|$)`,
);

/** The end matter of a story: copyright, contact lines, author bios, "follow us". */
export function isEndMatter(text: string, names: readonly string[]): boolean {
  if (text.length > 400) return false;
  const lower = text.toLowerCase();
  // A copyright line, not a sentence that happens to hold a "©" (a joke, a trademark aside).
  if (
    /^(©|\(c\)|copyright\b)|(©|\(c\)|copyright)\s*\d{4}|\b(subject to|protected by) copyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados/.test(
      lower,
    ) ||
    OTHER_ANYWHERE.test(lower)
  ) {
    return true;
  }
  if (/^(source|sources|via|citation|credit|credits|reporting by|editing by|additional reporting by)\s*:/.test(lower))
    return true;
  if (/^(about the author|have a (news )?tip|got a (news )?tip|more (articles|stories|posts) (from|by))\b/.test(lower))
    return true;
  if (/\b(follow|find) (us|him|her|them|me|@\w+)( on| at)? (twitter|facebook|instagram|linkedin|x\b)/.test(lower))
    return true;
  if (OTHER_OPENING.test(lower)) return true;
  if (/\b(reach|contact|email|e-mail) (the )?(reporter|writer|author|him|her|them|us)\b.{0,80}(@|at )/.test(lower))
    return true;
  if (/^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(text) || /^(https?:\/\/|www\.)\S+$/.test(text) || /^@\w+$/.test(text))
    return true;
  if (
    /\b(this (article|story|piece) (was|is|has been) (originally |first )?(published|appeared)|originally (published|appeared) (in|on|at))\b/.test(
      lower,
    )
  ) {
    return true;
  }
  return names.some(
    (name) =>
      name.length > 3 &&
      lower.startsWith(name.toLowerCase()) &&
      BIO_VERB.test(lower.slice(name.length, name.length + 40)),
  );
}
