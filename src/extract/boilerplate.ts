/**
 * Lines that are never article text, wherever they appear: widget leftovers and interface labels
 * that survive Readability because they sit inside the article's container. The clutter rules'
 * labels (advertisement, newsletter and share labels) are applied too, by the clutter pass.
 */
const INTERFACE_LABELS = [
  '(skip|jump) to (main )?(content|navigation|article)',
  'this (slideshow|gallery|video|content|embed) requires javascript\\.?',
  '(please )?enable javascript.{0,80}',
  'javascript is (required|disabled).{0,80}',
  'your browser does not support .{0,80}',
  'loading( content| comments| more)?(\\.\\.\\.|…)?',
  '(image|photo|slide|picture) \\d+ (of|/) \\d+',
  '\\d+ (of|/) \\d+',
  '\\d{1,3}',
  '(this|our) (web)?site uses cookies.{0,300}',
  'we use cookies.{0,300}',
  'by (continuing|using) (to use )?(this|our) (web)?site.{0,200}cookies.{0,200}',
  '(toggle|hide|show) caption',
  'caption',
  'close',
  'enlarge( this)? (image|photo)',
  'click to (enlarge|expand|play)',
  'view (full|larger) (image|photo)',
  '(view|open|see) (the )?(image|photo) gallery',
  '\\d+ (photos|images|pictures)',
  'back to (top|home)',
  'print( this( article| story| page)?)?',
  'e-?mail( this( article| story| page)?)?',
  '(next|previous|prev)( (article|story|post|page))?',
  'expand|collapse|more|less|menu|search|sign in|log in|log out|sign out|register',
  'listen( to (this|the) (article|story))?( \\d+ min(utes)?)?',
  '(audio|video) (is )?(not )?available.{0,40}',
  '(updated|published|posted)',
  'view (author )?archive',
  'email the author',
  'follow( (us|me))?',
  'tags?',
  'topics?',
  'filed under',
];

// No `i` flag: the text is lowercased already (normaliseLabel), and `i` with `u` has V8 compile
// Unicode case folding into every character of the pattern, about 5 ms on a fresh page.
const INTERFACE_LABEL = new RegExp(`^(?:${INTERFACE_LABELS.join('|')})$`, 'u');

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

const MONTHS =
  '(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)';
const DATE_PATTERNS = [
  new RegExp(`\\b${MONTHS}\\.? \\d{1,2}(st|nd|rd|th)?,? \\d{4}\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}(st|nd|rd|th)? ${MONTHS}\\.?,? \\d{4}\\b`, 'i'),
  new RegExp(`\\b${MONTHS}\\.? \\d{1,2}(st|nd|rd|th)?\\b.{0,20}\\b\\d{1,2}[:.]\\d{2}`, 'i'),
  /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/,
  /\b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*(gmt|utc|[a-z]{2,4}t)\b/i,
  /\b\d+ (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago\b/i,
];

export function hasDate(text: string): boolean {
  return DATE_PATTERNS.some((pattern) => pattern.test(text));
}

/** "Published 4:00 am, Wednesday" / "Updated Nov 19" / "By Jane Doe | November 18, 2019". */
export function isDateline(text: string): boolean {
  if (text.length > 140) return false;
  if (/^(first |last )?(published|updated|posted|modified|created|date|dated)\b/i.test(text)) return true;
  return (
    hasDate(text) &&
    text
      .replace(/[\d\s:.,/|–—-]+/g, ' ')
      .trim()
      .split(/\s+/).length <= 14
  );
}

const BYLINE_PREFIX = /^(by|written by|words by|story by|reporting by|von|par|por|door|av|af)\s+\S/i;

export function isBylineLike(text: string, names: readonly string[]): boolean {
  if (text.length > 160) return false;
  if (BYLINE_PREFIX.test(text) && text.split(/\s+/).length <= 18) return true;
  const lower = text.toLowerCase();
  return names.some((name) => name.length > 3 && lower.includes(name.toLowerCase()) && text.length <= name.length + 60);
}

/** The end matter of a story: copyright, contact lines, author bios, "follow us". */
export function isEndMatter(text: string, names: readonly string[]): boolean {
  if (text.length > 400) return false;
  // A copyright line, not a sentence that happens to hold a "©" (a joke, a trademark aside).
  if (
    /^(©|\(c\)|copyright\b)|(©|\(c\)|copyright)\s*\d{4}|\b(subject to|protected by) copyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados/i.test(
      text,
    )
  ) {
    return true;
  }
  if (/^(source|sources|via|citation|credit|credits|reporting by|editing by|additional reporting by)\s*:/i.test(text))
    return true;
  if (/^(about the author|have a (news )?tip|got a (news )?tip|more (articles|stories|posts) (from|by))\b/i.test(text))
    return true;
  if (/\b(follow|find) (us|him|her|them|me|@\w+)( on| at)? (twitter|facebook|instagram|linkedin|x\b)/i.test(text))
    return true;
  if (/\b(reach|contact|email|e-mail) (the )?(reporter|writer|author|him|her|them|us)\b.{0,80}(@|at )/i.test(text))
    return true;
  if (/^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(text) || /^(https?:\/\/|www\.)\S+$/.test(text) || /^@\w+$/.test(text))
    return true;
  if (
    /\b(this (article|story|piece) (was|is|has been) (originally |first )?(published|appeared)|originally (published|appeared) (in|on|at))\b/i.test(
      text,
    )
  ) {
    return true;
  }
  const lower = text.toLowerCase();
  return names.some(
    (name) =>
      name.length > 3 &&
      lower.startsWith(name.toLowerCase()) &&
      /\b(is|was|writes|covers|reports|joined|has been)\b/i.test(text.slice(name.length, name.length + 40)),
  );
}
