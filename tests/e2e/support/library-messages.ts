/** Protocol calls from an extension page, as the extension's own pages make them. */
import type { TestPage } from './harness';

export interface Reply<T> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
}

export function call<T>(page: TestPage, type: string, req: unknown): Promise<Reply<T>> {
  return page.evaluate(
    ([t, r]) => chrome.runtime.sendMessage({ channel: 'tidy-reader', to: 'background', type: t, req: r }),
    [type, req] as const,
  ) as Promise<Reply<T>>;
}

export async function value<T>(page: TestPage, type: string, req: unknown): Promise<T> {
  const reply = await call<T>(page, type, req);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error?.message}`);
  return reply.value;
}

export interface StoredArticle {
  article: { id: string; title: string; isRead: boolean; position: { progress: number; block?: number } | null };
  html: string;
  text: string;
  imageUrls: string[];
  storedImages: string[];
}

/** Every stored image of an article, as data URLs keyed by their original address. */
export async function storedImageData(page: TestPage, id: string, urls: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const url of urls) {
    const image = await value<{ dataUrl: string } | null>(page, 'articles.image', { id, url });
    if (image) out[url] = image.dataUrl;
  }
  return out;
}
