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

  it('keeps a subheading over a short first sentence, drops a headline over one', () => {
    const short = 'This week was the time to finish everything for the release.';
    const el = article(`<h2>The release plan</h2><p>${short}</p><p>${P1}</p>`);
    removeHeadMatter(el, context());
    expect(blockText(el)).toBe(`The release plan\n\n${short}\n\n${P1}`);
    const headline = article(`<h1>Why neon lights up the century</h1><p>${short}</p><p>${P1}</p>`);
    removeHeadMatter(headline, context());
    expect(blockText(headline)).toBe(`${short}\n\n${P1}`);
  });

  it("drops a Chinese kicker and time stamp, keeps the story's own dateline lead", () => {
    const prose =
      '谷歌周四宣布，将在明年推出新的手机操作系统，并与多家厂商合作，以提高设备的安全性和续航时间，这一消息引起了业界的广泛关注。'.repeat(
        3,
      );
    const el = article(
      `<div>独家</div><p>TNW中文站2016年10月14日07:17</p><p>TNW中文站 10月14日报道</p><p>${prose}</p><p>${prose}</p>`,
    );
    removeHeadMatter(el, context());
    expect(blockText(el)).toBe(`TNW中文站 10月14日报道\n\n${prose}\n\n${prose}`);
  });

  it('keeps running text broken over lines at the top, which is no kicker', () => {
    const el = article(`<p>Lorem ipsum<br>dolor sit</p><p>${P1}</p>`);
    removeHeadMatter(el, context());
    expect(blockText(el)).toBe(`Lorem ipsum\ndolor sit\n\n${P1}`);
  });

  it('keeps a subheading over a list whose items hold whole teasers', () => {
    const el = article(
      `<h2>Highlights</h2><ol><li><article><figure><img src="a.jpg"></figure><h3><a href="/a">The pier reopens</a></h3></article></li></ol><p>${P1}</p>`,
    );
    removeHeadMatter(el, context());
    expect(blockText(el)).toBe(`Highlights\n\nThe pier reopens\n\n${P1}`);
  });

  it('keeps a subheading that opens the body with a list, and the list', () => {
    const el = article(
      `<h1>Council approves harbour plan</h1><h2>Highlights</h2><ul><li><a href="/budget">The budget for the year is out!</a></li><li><a href="/pier">The pier reopens</a></li></ul><p>${P1}</p>`,
    );
    removeHeadMatter(el, context());
    expect(blockText(el)).toBe(`Highlights\n\nThe budget for the year is out!\n\nThe pier reopens\n\n${P1}`);
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

  it('keeps the list of sources under its heading, drops other link lists and the heading over them', () => {
    const sources = article(
      `<p>${P1}</p><h2>Sources &amp; links</h2><ul><li><a href="https://nodejs.org/api/inspector.html">https://nodejs.org/api/inspector.html</a></li><li><a href="https://v8.dev/docs">https://v8.dev/docs</a></li></ul><p>© 2025 The Paper</p>`,
    );
    removeEndMatter(sources, context());
    expect(blockText(sources)).toBe(
      `${P1}\n\nSources & links\n\nhttps://nodejs.org/api/inspector.html\n\nhttps://v8.dev/docs`,
    );
    const related = article(
      `<p>${P1}</p><h2>More from the council</h2><ul><li><a href="/a">Another story about the harbour</a></li></ul>`,
    );
    removeEndMatter(related, context());
    expect(blockText(related)).toBe(P1);
  });

  it('tells a copyright line from a closing sentence that holds a "©"', () => {
    const aside = 'This is not a manifesto™© — we just think it is worth sharing what we learned so far.';
    const kept = article(`<p>${P1}</p><p>${aside}</p>`);
    removeEndMatter(kept, context());
    expect(blockText(kept)).toBe(`${P1}\n\n${aside}`);
    const notice = article(
      `<p>${P1}</p><p>This document is subject to copyright. No part may be reproduced without permission.</p><p>Copyright 2025 The Paper</p><p>(c) The Paper</p>`,
    );
    removeEndMatter(notice, context());
    expect(blockText(notice)).toBe(P1);
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

describe('tag lists', () => {
  const tags = (label: string) =>
    `${label}<a href="/tag/harbour" rel="tag">harbour</a>, <a href="/tag/council" rel="category tag">council</a>`;

  it('drops a block of rel-tag links with at most a short label, wherever it stands', () => {
    const el = article(
      `<p>${tags('Filed under: ')}</p><p>${P1}</p><p><strong>Tags<br>${tags('')}</strong></p><p>${P2}</p><ul><li><a rel="tag" href="/t">budget</a></li></ul>`,
    );
    const ctx = context();
    removeInterfaceLines(el, ctx);
    expect(blockText(el)).toBe(`${P1}\n\n${P2}`);
    expect(ctx.removed.other).toBe(3);
  });

  it('keeps a sentence that links a tag, and ordinary links', () => {
    const sentence = `Our earlier coverage of the ${tags('')} dispute explains why the vote took so long.`;
    const links = '<a href="/a">harbour</a>, <a href="/b">council</a>';
    const picture = '<div><img src="/harbour.jpg" alt="The harbour"><a href="/tag/harbour" rel="tag">harbour</a></div>';
    const el = article(`<p>${sentence}</p><p>${links}</p>${picture}<p>${P1}</p>`);
    removeInterfaceLines(el, context());
    expect(el.querySelectorAll('p')).toHaveLength(3);
    expect(el.querySelector('img')).not.toBeNull();
  });
});

describe('wrapLooseText', () => {
  it('makes loose text beside blocks a paragraph of its own', () => {
    const el = article(`<div>Updated 4 pm<p>${P1}</p>tail text</div>`);
    wrapLooseText(el);
    expect(el.innerHTML).toBe(`<div><p>Updated 4 pm</p><p>${P1}</p><p>tail text</p></div>`);
  });
});
