// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../src/extract/block-text';
import { collectCaptionTexts, isCaptionElement, isCaptionText } from '../../../src/extract/captions';
import { findJsonLdArticle } from '../../../src/extract/json-ld';
import { buildMetadata } from '../../../src/extract/metadata';
import { charactersPerMinute, countWords, estimateReadingMinutes } from '../../../src/extract/reading-time';

function page(head: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

describe('captions', () => {
  it('recognises credits and caption lines by their wording', () => {
    for (const text of [
      'Photo: Jane Doe / AP',
      'Image copyright Getty Images',
      '(Image: © NASA/ESA)',
      'A crowd gathers. Credit: EPA',
      'Rescue workers at the scene | Reuters',
    ]) {
      expect(isCaptionText(text), text).toBe(true);
    }
    expect(isCaptionText('The photographer said the light was perfect that morning.')).toBe(false);
  });

  it('remembers captions before Readability rewrites them, and leaves them out of the body text', () => {
    const doc = page(
      '',
      '<div class="image top"><img src="a.jpg" alt="Harbour"><p>The harbour at dawn on Monday, seen from the ferry.</p></div>' +
        '<div class="media-caption">Workers repaired the pier last winter.</div><p>Body text of the article itself.</p>',
    );
    const captions = collectCaptionTexts(doc.body);
    expect([...captions].sort()).toEqual([
      'the harbour at dawn on monday, seen from the ferry.',
      'workers repaired the pier last winter.',
    ]);
    // As Readability would leave it: plain paragraphs, classes gone.
    const rewritten = page(
      '',
      '<p>The harbour at dawn on Monday, seen from the ferry.</p><p>Workers repaired the pier last winter.</p><p>Body text of the article itself.</p>',
    );
    expect(blockText(rewritten.body, { skip: (el) => isCaptionElement(el, captions) })).toBe(
      'Body text of the article itself.',
    );
  });

  it('judges a container of paragraphs that ends with a credit by its paragraphs, not as a caption', () => {
    const doc = page(
      '',
      '<div class="step"><div><p>Instead of a dinner party, host a lunch: it costs less and guests drink less.</p></div>' +
        '<figure><img src="a.jpg"></figure><span>Mark Stout/iStock/Getty Images</span></div>',
    );
    const step = doc.querySelector('.step') as Element;
    expect(isCaptionElement(step)).toBe(false);
    expect(isCaptionElement(doc.querySelector('span') as Element)).toBe(true);
    expect(blockText(doc.body, { skip: (el) => isCaptionElement(el) })).toBe(
      'Instead of a dinner party, host a lunch: it costs less and guests drink less.',
    );
  });

  it('recognises camelCase caption and credit classes, and a caption block ending with a credit', () => {
    const doc = page(
      '',
      '<div id="wrap"><div class="InlineImage-imageEmbedCaption">The prime minister passes a Boeing 787 at the air show on Monday.</div>' +
        '<div class="InlineImage-imageEmbedCredit">Natalie Naccache | Bloomberg | Getty Images</div></div>',
    );
    expect(isCaptionElement(doc.querySelector('.InlineImage-imageEmbedCaption') as Element)).toBe(true);
    expect(isCaptionElement(doc.getElementById('wrap') as Element)).toBe(true);
    expect(isCaptionElement(page('', '<div class="recaptionless">Text</div>').body.firstElementChild as Element)).toBe(
      false,
    );
  });

  it('keeps a figure that holds a quote or a table', () => {
    const doc = page(
      '',
      '<figure><blockquote>Quoted words</blockquote></figure><figure><img src="a.jpg"><figcaption>c</figcaption></figure>',
    );
    const [quote, picture] = Array.from(doc.querySelectorAll('figure'));
    expect(isCaptionElement(quote as Element)).toBe(false);
    expect(isCaptionElement(picture as Element)).toBe(true);
  });
});

describe('buildMetadata', () => {
  it("completes Readability's metadata from JSON-LD, meta tags and the markup", () => {
    const doc = page(
      '<meta property="og:site_name" content="Paper"><meta property="og:image" content="/lead.jpg"><meta property="og:image:alt" content="Lead">' +
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2025-05-06","inLanguage":"he"}</script>',
      '<div class="byline">By <a href="/jane">Jane Doe</a></div>',
    );
    const metadata = buildMetadata(
      doc,
      { title: 'Title', byline: null },
      findJsonLdArticle(doc),
      null,
      'https://paper.example/a/',
    );
    expect(metadata).toEqual({
      title: 'Title',
      byline: 'Jane Doe',
      siteName: 'Paper',
      publishedTime: '2025-05-06',
      lang: 'he',
      dir: 'rtl',
      excerpt: null,
      leadImage: { src: 'https://paper.example/lead.jpg', alt: 'Lead' },
    });
  });

  it("keeps Readability's values where it has them", () => {
    const doc = page('<meta name="author" content="Meta Author">', '');
    const metadata = buildMetadata(
      doc,
      { title: 'T', byline: 'Readability Byline', lang: 'en', dir: 'ltr' },
      null,
      null,
      'https://x.example/',
    );
    expect(metadata).toMatchObject({ byline: 'Readability Byline', lang: 'en', dir: 'ltr' });
  });
});

describe('reading time', () => {
  it('uses characters per minute for the language, at least one minute for any text', () => {
    expect(charactersPerMinute('en-GB')).toBe(987);
    expect(charactersPerMinute('zh_CN')).toBe(255);
    expect(charactersPerMinute('xx')).toBe(987);
    expect(estimateReadingMinutes('a'.repeat(9870), 'en')).toBe(10);
    expect(estimateReadingMinutes('字'.repeat(2550), 'zh')).toBe(10);
    expect(estimateReadingMinutes('Hi.', 'en')).toBe(1);
    expect(estimateReadingMinutes('', 'en')).toBe(0);
  });

  it('counts words, and each ideograph as one', () => {
    expect(countWords("It's a well-known fact: 3 cats.")).toBe(6);
    expect(countWords('日本語の文章です')).toBe(8);
  });
});
