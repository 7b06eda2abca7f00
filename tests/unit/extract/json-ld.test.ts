// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findJsonLdArticle, jsonLdTypes } from '../../../src/extract/json-ld';

function doc(...scripts: string[]): Document {
  return new DOMParser().parseFromString(
    scripts.map((s) => `<script type="application/ld+json">${s}</script>`).join(''),
    'text/html',
  );
}

describe('findJsonLdArticle', () => {
  it('finds the article in a @graph and reads its fields', () => {
    const article = findJsonLdArticle(
      doc(
        JSON.stringify({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', name: 'Site' },
            {
              '@type': ['NewsArticle', 'Thing'],
              headline: ' Headline ',
              articleBody: 'Body text.',
              author: [{ '@type': 'Person', name: 'A. Writer' }, 'B. Writer'],
              datePublished: '2025-01-01',
              publisher: { name: 'Paper' },
              image: { url: 'https://img.example/1.jpg' },
              isAccessibleForFree: 'False',
            },
          ],
        }),
      ),
    );
    expect(article).toEqual({
      type: 'NewsArticle',
      headline: 'Headline',
      articleBody: 'Body text.',
      authors: ['A. Writer', 'B. Writer'],
      datePublished: '2025-01-01',
      publisher: 'Paper',
      image: 'https://img.example/1.jpg',
      inLanguage: null,
      description: null,
      isAccessibleForFree: false,
    });
  });

  it('prefers the article that carries a body, survives invalid JSON and CDATA', () => {
    const article = findJsonLdArticle(
      doc(
        '{ not json',
        '{"@type":"BlogPosting","headline":"No body"}',
        '<![CDATA[{"@type":"Article","headline":"H","articleBody":"B"}]]>',
      ),
    );
    expect(article?.articleBody).toBe('B');
    expect(findJsonLdArticle(doc('{"@type":"Recipe","name":"Soup"}'))?.type).toBe('Recipe');
    expect(findJsonLdArticle(doc('{"@type":"Organization"}'))).toBeNull();
  });

  it('lists every type, to recognise collections and search pages', () => {
    expect(jsonLdTypes(doc('[{"@type":"CollectionPage"},{"@type":"https://schema.org/BreadcrumbList"}]'))).toEqual([
      'CollectionPage',
      'BreadcrumbList',
    ]);
  });
});
