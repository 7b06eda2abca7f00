/** Makes every link and media address absolute, so the article works outside its page. */

export function resolveUrl(value: string, base: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

/** The page's base URL: `<base href>` resolved against the page address, or the address itself. */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  return (href && resolveUrl(href, pageUrl)) || pageUrl;
}

/**
 * Each candidate of a srcset with its address resolved, parsed as the HTML standard does: an
 * address runs to the next space (commas inside it are part of it), then descriptors to a comma.
 */
export function resolveSrcset(srcset: string, base: string): string {
  const candidates: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    let end = i;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const comma = srcset.indexOf(',', i);
      descriptor = srcset.slice(i, comma === -1 ? srcset.length : comma).trim();
      i = comma === -1 ? srcset.length : comma + 1;
    }
    if (url) candidates.push([resolveUrl(url, base) ?? url, descriptor].filter(Boolean).join(' '));
  }
  return candidates.join(', ');
}

type TagAttribute = readonly [tag: string, attribute: string];

/** Where an article keeps addresses. */
const ADDRESS_ATTRIBUTES: readonly TagAttribute[] = [
  ['a', 'href'],
  ['area', 'href'],
  ['img', 'src'],
  ['source', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['track', 'src'],
  ['iframe', 'src'],
  ['embed', 'src'],
  ['object', 'data'],
  ['blockquote', 'cite'],
  ['q', 'cite'],
  ['ins', 'cite'],
  ['del', 'cite'],
];

const SRCSET_ATTRIBUTES: readonly TagAttribute[] = [
  ['img', 'srcset'],
  ['source', 'srcset'],
];

/** More attributes that hold addresses; read once per object (pass a constant). */
export interface ExtraUrlAttributes {
  readonly addresses?: readonly TagAttribute[];
  readonly srcsets?: readonly TagAttribute[];
}

interface AttributePlan {
  /** One selector for every element with an address: the tree is walked once, natively. */
  selector: string;
  byTag: Map<string, { name: string; srcset: boolean }[]>;
}

function planFor(addresses: readonly TagAttribute[], srcsets: readonly TagAttribute[]): AttributePlan {
  const byTag = new Map<string, { name: string; srcset: boolean }[]>();
  const add = ([tag, name]: TagAttribute, srcset: boolean): void => {
    byTag.set(tag, [...(byTag.get(tag) ?? []), { name, srcset }]);
  };
  for (const pair of addresses) add(pair, false);
  for (const pair of srcsets) add(pair, true);
  const selector = [...addresses, ...srcsets].map(([tag, name]) => `${tag}[${name}]`).join(', ');
  return { selector, byTag };
}

const ARTICLE_PLAN = planFor(ADDRESS_ATTRIBUTES, SRCSET_ATTRIBUTES);

/** Plans for callers' extra attributes, built once per (constant) set of extras. */
const extraPlans = new WeakMap<ExtraUrlAttributes, AttributePlan>();

function extraPlan(extra: ExtraUrlAttributes): AttributePlan {
  let plan = extraPlans.get(extra);
  if (!plan) {
    plan = planFor(
      [...ADDRESS_ATTRIBUTES, ...(extra.addresses ?? [])],
      [...SRCSET_ATTRIBUTES, ...(extra.srcsets ?? [])],
    );
    extraPlans.set(extra, plan);
  }
  return plan;
}

/**
 * Resolves every address in `root` (itself included) against `base`. In-page links (footnotes)
 * stay as they are: the reader keeps them working. `extra` adds attributes (a fetched page's
 * lazy-loading ones).
 */
export function absolutiseUrls(root: ParentNode, base: string, extra?: ExtraUrlAttributes): void {
  const plan = extra ? extraPlan(extra) : ARTICLE_PLAN;
  const elements = Array.from(root.querySelectorAll(plan.selector));
  // The root itself too: a kept comment thread can be a single link.
  if (root.nodeType === 1 && (root as Element).matches(plan.selector)) elements.unshift(root as Element);
  for (const element of elements) {
    for (const { name, srcset } of plan.byTag.get(element.localName) ?? []) {
      const value = element.getAttribute(name);
      if (value === null || (name === 'href' && value.trim().startsWith('#'))) continue;
      const absolute = srcset ? resolveSrcset(value, base) : resolveUrl(value, base);
      if (absolute && absolute !== value) element.setAttribute(name, absolute);
    }
  }
}
