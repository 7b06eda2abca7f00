// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  removeControls,
  removeEndMatter,
  removeHeadMatter,
  removeInterfaceLines,
} from '../../../src/extract/article-cleanup';
import { blockText } from '../../../src/extract/block-text';
import { wrapLooseText } from '../../../src/extract/blocks';
import { noRemovals } from '../../../src/extract/removal-counts';

const P1 =
  'The council approved the plan on Tuesday after a long debate about its cost, its timing and what it would mean for residents.';
const P2 =
  'Work will start in the spring, and the first stage should be finished before the end of next year, officials said.';

function article(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

function context(
  overrides: Partial<Parameters<typeof removeHeadMatter>[1]> = {},
): Parameters<typeof removeHeadMatter>[1] {
  return {
    title: 'Council approves harbour plan',
    description: null,
    names: ['Jane Doe'],
    removed: noRemovals(),
    ...overrides,
  };
}

describe('removeHeadMatter', () => {
  it('drops headline, kicker, byline and dateline above the first paragraph', () => {
    const el = article(
      `<div>Local</div><h1>Council approves harbour plan</h1><p>By Jane Doe</p><p>Updated 4:10 pm, Tuesday, May 6, 2025</p><figure><img src="a.jpg"></figure><p>${P1}</p><p>${P2}</p>`,
    );
    const ctx = context();
    removeHeadMatter(el, ctx);
    expect(blockText(el)).toBe(`${P1}\n\n${P2}`);
    expect(el.querySelector('img')).not.toBeNull();
    expect(ctx.removed.other).toBe(4);
  });

  it('keeps a subheading followed by prose, and everything in an article without prose', () => {
    const withHeading = article(`<h2>Background</h2><p>${P1}</p>`);
    removeHeadMatter(withHeading, context());
    expect(blockText(withHeading)).toBe(`Background\n\n${P1}`);
    const poem = article('<p>Short line</p><p>Another line</p><p>A third</p>');
    removeHeadMatter(poem, context());
    expect(blockText(poem)).toBe('Short line\n\nAnother line\n\nA third');
  });

  it('drops a standfirst that repeats the description above the byline', () => {
    const standfirst =
      'A long-awaited plan to rebuild the harbour front was approved by councillors after a heated debate on Tuesday.';
    const el = article(`<p>${standfirst}</p><p>By Jane Doe</p><p>${P1}</p>`);
    removeHeadMatter(el, context({ description: standfirst }));
    expect(blockText(el)).toBe(P1);
  });

  it('splits <br>-separated head lines of old templates', () => {
    const el = article(
      `<p>News » Local<br>Council approves harbour plan<br>Posted by Jane Doe on 6 May 2025</p><p>${P1}</p>`,
    );
    removeHeadMatter(el, context());
    expect(blockText(el)).toBe(P1);
  });
});

describe('removeEndMatter', () => {
  it('drops copyright, contact lines, bios and link lists below the last paragraph', () => {
    const el = article(
      `<p>${P1}</p><p>${P2}</p><p>Jane Doe is a reporter covering the city council.</p><p>Follow us on Twitter @paper</p><ul><li><a href="/a">Another story</a></li></ul><p>© 2025 The Paper. All rights reserved.</p>`,
    );
    removeEndMatter(el, context());
    expect(blockText(el)).toBe(`${P1}\n\n${P2}`);
  });

  it('stops at the first paragraph of prose', () => {
    const el = article(`<p>${P1}</p><p>© 2025 The Paper</p><p>${P2}</p>`);
    removeEndMatter(el, context());
    expect(blockText(el)).toBe(`${P1}\n\n© 2025 The Paper\n\n${P2}`);
  });
});

describe('removeInterfaceLines and removeControls', () => {
  it('drops widget leftovers anywhere, never a sentence', () => {
    const el = article(
      `<p>${P1}</p><p>This slideshow requires JavaScript.</p><p>Image 1 of 9</p><p>[button link="/x"]Send us your review[/button]</p><p>Print this article and share it with your neighbours, the mayor said.</p><form><input><button>Go</button></form><p>${P2}</p>`,
    );
    const ctx = context();
    removeInterfaceLines(el, ctx);
    removeControls(el, ctx);
    expect(blockText(el)).toBe(
      `${P1}\n\nPrint this article and share it with your neighbours, the mayor said.\n\n${P2}`,
    );
  });
});

describe('wrapLooseText', () => {
  it('makes loose text beside blocks a paragraph of its own', () => {
    const el = article(`<div>Updated 4 pm<p>${P1}</p>tail text</div>`);
    wrapLooseText(el);
    expect(el.innerHTML).toBe(`<div><p>Updated 4 pm</p><p>${P1}</p><p>tail text</p></div>`);
  });
});
