/**
 * HTML from the page is parsed only into the engine's inert copy, and the types hold callers to
 * it: the live page's `document` (or any document not made by src/extract/inert-document.ts) is
 * refused where an `InertDocument` is wanted.
 */
import { expectTypeOf, test } from 'vitest';
import {
  cloneInert,
  createInertDocument,
  writeInertHtml,
  type InertDocument,
} from '../../../src/extract/inert-document';
import { fixLazyImages } from '../../../src/extract/lazy-images';
import { prepareDocument } from '../../../src/extract/prepare';
import { declaredBlocks, recoverFromDeclaredBody } from '../../../src/extract/recover-body';
import { noRemovals } from '../../../src/extract/removal-counts';

declare const page: Document;

test('fixLazyImages takes only the inert copy', () => {
  // @ts-expect-error the live page's document is not an inert copy
  fixLazyImages(document);
  // @ts-expect-error nor is any other document
  fixLazyImages(page, page.body);
  fixLazyImages(createInertDocument(page));
  fixLazyImages(cloneInert(page), page.body);
});

test('the HTML writes take only the inert copy', () => {
  const holder = page.createElement('div');
  // @ts-expect-error the live page's document
  writeInertHtml(document, holder, '<img src=x>');
  writeInertHtml(createInertDocument(page), holder, '<img src=x>');
  // @ts-expect-error the live page's document
  declaredBlocks('<p>x</p>', document);
  // @ts-expect-error the live page's document
  recoverFromDeclaredBody(document, holder, '<p>x</p>', 'x');
  // @ts-expect-error the live page's document
  prepareDocument(document, { protect: [], removed: noRemovals(), exceptions: [], chrome: [] });
});

test('an inert document is a Document, not the other way round', () => {
  expectTypeOf<InertDocument>().toMatchTypeOf<Document>();
  expectTypeOf<Document>().not.toMatchTypeOf<InertDocument>();
  expectTypeOf(createInertDocument).returns.toEqualTypeOf<InertDocument>();
  expectTypeOf(cloneInert).returns.toEqualTypeOf<InertDocument>();
});
