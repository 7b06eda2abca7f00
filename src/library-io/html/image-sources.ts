/**
 * Swaps image URLs in stored article HTML for other sources (data URIs of the stored copies).
 * Stored bodies are serialised by the browser's own HTML serialiser, which always writes
 * `src="…"` with `&` and `"` escaped, so the swap can be textual and needs no DOM.
 */
export function replaceImageSources(html: string, sources: ReadonlyMap<string, string>): string {
  let out = html;
  for (const [url, replacement] of sources) {
    const attr = `src="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    out = out.split(attr).join(`src="${replacement.replace(/"/g, '&quot;')}"`);
  }
  return out;
}
