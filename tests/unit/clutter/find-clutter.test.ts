// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  clutterStylesheet,
  compileClutterRules,
  findBodyAnchor,
  findClutter,
  isDiscussionPage,
  type ClutterMatch,
} from '../../../src/clutter';
import { loadFixture, parseFixture } from '../support/fixtures';

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const PROSE =
  'The council approved the plan on Tuesday after a long debate about its cost, its timing and what it would mean for the people who live nearby.';

function summary(matches: ClutterMatch[]): string[] {
  return matches.map(
    (m) => `${m.category}:${m.element.tagName.toLowerCase()}:${(m.element.textContent ?? '').slice(0, 20)}`,
  );
}

describe('findClutter', () => {
  const compiled = compileClutterRules(undefined, { host: 'news.example' });

  it('finds every kind of clutter on the demo article, and none of its paragraphs', () => {
    const fixture = loadFixture('magazine-seed');
    const doc = parseFixture(fixture);
    const anchor = findBodyAnchor(doc.body);
    const matches = findClutter(doc.body, compiled, { protect: anchor ? [anchor] : [] });
    const categories = new Set(matches.map((m) => m.category));
    expect([...categories].sort()).toEqual(['ads', 'comments', 'newsletters', 'promos', 'related', 'share']);
    expect(matches.find((m) => m.element.id === 'comments')?.category).toBe('comments');
    expect(matches.some((m) => m.element.classList.contains('newsletter-signup'))).toBe(true);
    expect(matches.some((m) => (m.element.textContent ?? '').includes('Watch more on SpectatorTV'))).toBe(true);
    expect(matches.find((m) => (m.element.textContent ?? '').startsWith('READ MORE'))?.category).toBe('related');
  });

  it('finds comment sections named in German, French, Spanish, Italian, Polish, Dutch and Swedish', () => {
    const names = [
      'div#kommentarbereich',
      'section.leserkommentare',
      'div.leserbriefe',
      'ul.leserpost-liste',
      'div.ce_comments',
      'ol#commentlist',
      'div#commentaires',
      'div.comentarios',
      'div#commenti',
      'div.komentarze',
      'div#reacties',
      'div.kommentarer',
    ];
    for (const name of names) {
      const [tag, kind, value] = /^(\w+)([#.])(.+)$/.exec(name)?.slice(1) ?? [];
      const attribute = kind === '#' ? `id="${value}"` : `class="${value}"`;
      const doc = page(
        `<article><p>${PROSE}</p><p>${PROSE}</p></article><${tag} ${attribute}><p>Ein Leser schreibt etwas.</p></${tag}>`,
      );
      const matches = findClutter(doc.body, compiled, { categories: ['comments'], text: false });
      expect(summary(matches), name).toEqual([`comments:${tag}:Ein Leser schreibt e`]);
    }
  });

  it('finds a block by its heading when no class names it', () => {
    const doc = page(`<div><p>${PROSE}</p></div>
      <div><h3>Comments</h3><ul><li><b>Ann</b><p>Great piece.</p></li><li><b>Bo</b><p>Disagree.</p></li></ul></div>
      <div><h2>Related articles</h2><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></div>`);
    expect(summary(findClutter(doc.body, compiled))).toEqual([
      'comments:div:CommentsAnnGreat pie',
      'related:div:Related articlesOneT',
    ]);
  });

  it('keeps the prose under a subheading that happens to read like clutter', () => {
    const doc = page(
      `<article><p>${PROSE}</p><h2>Related</h2><p>${PROSE}</p><h2>Advertisement</h2><p>${PROSE}</p></article>`,
    );
    const matches = findClutter(doc.body, compiled);
    for (const m of matches) expect(m.element.tagName).toBe('H2');
  });

  it('keeps a sentence whose first words read like a label, before a link', () => {
    const doc =
      page(`<article><p>More <a href="/x">information</a> is available on the council website, with the papers of every meeting this year.</p>
      <p>Follow <a href="/y">our live coverage</a> of the election, which continues through the night as the results come in.</p>
      <h2>Comments <span>(3)</span></h2><ul><li>Great piece.</li><li>I disagree.</li></ul></article>`);
    expect(summary(findClutter(doc.body, compiled))).toEqual([
      'comments:h2:Comments (3)',
      'comments:ul:Great piece.I disagr',
    ]);
  });

  it('never matches an element that holds the protected article body', () => {
    const doc = page(
      `<div class="comments"><article id="body"><p>${PROSE}</p></article></div><div class="comments" id="thread"></div>`,
    );
    const body = doc.getElementById('body') as Element;
    const ids = findClutter(doc.body, compiled, { protect: [body] }).map((m) => m.element.id);
    expect(ids).toEqual(['thread']);
  });

  it('never treats code comments as a comment thread', () => {
    const doc = page(`<p>${PROSE}</p>
      <pre><code><span class="comments">// counts the comments</span> <span class="hljs-comment">/* note */</span></code></pre>
      <p>Use <code class="comment">// TODO</code> sparingly.</p><span class="token comment"># shell</span>`);
    expect(findClutter(doc.body, compiled)).toEqual([]);
  });

  it('lets no code-like wrapper around the protected body shield the clutter beside it', () => {
    const doc = page(
      `<div class="site language-en"><article id="body"><p>${PROSE}</p></article><div class="comments" id="thread"></div></div>`,
    );
    const body = doc.getElementById('body') as Element;
    const classified = compiled.index.classifyAll(doc.body);
    expect(findClutter(doc.body, compiled, { protect: [body], classified }).map((m) => m.element.id)).toEqual([
      'thread',
    ]);
  });

  it('keeps an opinion piece headed "Comment"', () => {
    const doc = page(
      `<article class="post category-comment"><span class="kicker">Comment</span><h2>Comment</h2><p>${PROSE}</p></article>`,
    );
    expect(findClutter(doc.body, compiled)).toEqual([]);
  });

  it('reads labels as clutter only when they stand alone', () => {
    const doc = page(`<p>${PROSE} To read the report, <a href="/r">click here</a>.</p>
      <div class="slot"><span>Advertisement</span></div>
      <p>Read more about the budget in the council's own report, which is long.</p>
      <p><strong>Read more:</strong> <a href="/other">Another story entirely</a></p>`);
    expect(summary(findClutter(doc.body, compiled))).toEqual([
      'ads:div:Advertisement',
      'related:p:Read more: Another s',
    ]);
  });

  it('looks only for the categories asked for', () => {
    const doc = parseFixture(loadFixture('magazine-seed'));
    const matches = findClutter(doc.body, compiled, { categories: ['comments'] });
    expect(matches.length).toBeGreaterThan(0);
    expect(new Set(matches.map((m) => m.category))).toEqual(new Set(['comments']));
  });

  it('reports only the outermost match', () => {
    const doc = page(`<section id="comments" class="comments-area"><ol class="comment-list"><li>x</li></ol></section>`);
    expect(findClutter(doc.body, compiled).map((m) => m.element.id)).toEqual(['comments']);
  });
});

describe('per-site rules', () => {
  it('keeps the comments of forums and Q&A sites, and of their subdomains', () => {
    for (const host of ['news.ycombinator.com', 'stackoverflow.com', 'old.reddit.com', 'github.com']) {
      expect(compileClutterRules(undefined, { host }).categories, host).not.toContain('comments');
    }
    expect(compileClutterRules(undefined, { host: 'notreddit.com' }).categories).toContain('comments');
  });

  it('applies rules the user added, and ignores a broken one rather than hiding everything', () => {
    const compiled = compileClutterRules(undefined, {
      host: 'www.example.org',
      extraSites: [
        {
          hosts: ['example.org'],
          note: 'picked by the user',
          selectors: { promos: ['main > div.x:nth-child(2)', 'div[[broken'] },
        },
      ],
    });
    const doc = page(`<main><div class="x">${PROSE}</div><div class="x" id="picked">promo</div></main>`);
    expect(findClutter(doc.body, compiled, { text: false }).map((m) => m.element.id)).toEqual(['picked']);
  });

  it('recognises discussion pages by their software or schema.org type', () => {
    expect(isDiscussionPage(page('', '<meta name="generator" content="Discourse 3.2">'))).toBe(true);
    expect(isDiscussionPage(page('<script type="application/ld+json">{"@type":"QAPage"}</script>'))).toBe(true);
    expect(isDiscussionPage(page('<div itemscope itemtype="https://schema.org/DiscussionForumPosting"></div>'))).toBe(
      true,
    );
    expect(isDiscussionPage(page('', '<meta name="generator" content="WordPress 6.4">'))).toBe(false);
    // The address of a thread in common forum software, on a page that declares nothing.
    expect(isDiscussionPage(page(''), 'https://forum.example/viewtopic.php?t=361697')).toBe(true);
    expect(isDiscussionPage(page(''), 'https://www.example/forum/topic/423897-best-camera/')).toBe(true);
    expect(isDiscussionPage(page(''), 'https://news.example/2024/05/03/council-plan')).toBe(false);
    // A host that names itself a forum, whatever its addresses look like.
    expect(isDiscussionPage(page(''), 'https://www.warriorforum.example/beginners/1488296-method.html')).toBe(true);
    expect(isDiscussionPage(page(''), 'https://open.vanillaforums.example/discussion/slug')).toBe(true);
    expect(isDiscussionPage(page(''), 'https://community.example.org/some/page')).toBe(true);
    expect(isDiscussionPage(page(''), 'https://forumsport.example/2024/05/03/match-report')).toBe(false);
    expect(isDiscussionPage(page(''), 'https://news.example/forum-letters/1488296-reply.html')).toBe(false);
  });
});

describe('clutterStylesheet', () => {
  it('hides each selector in its own rule, never inside code nor what the hider marks to keep', () => {
    const compiled = compileClutterRules();
    const css = clutterStylesheet(compiled, ['comments'], { keepAttribute: 'data-tidy-keep' });
    const rules = css.split('\n');
    expect(rules).toHaveLength(compiled.selectors.get('comments')?.selectors.length ?? -1);
    const code = `:is(${compiled.exceptions.selectors.join(', ')}):not([data-tidy-keep])`;
    expect(rules).toContain(
      `:is(#comments):not(${code}, ${code} *):not([data-tidy-keep]) { display: none !important; }`,
    );
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    expect(sheet.cssRules.length).toBe(rules.length);
  });

  it('does not let a kept page wrapper that looks like code shield the clutter inside it', () => {
    const css = clutterStylesheet(compileClutterRules(), ['comments'], { keepAttribute: 'data-tidy-keep' });
    const rule = (css.split('\n').find((r) => r.startsWith(':is(#comments)')) ?? '').replace(/ \{.*$/, '');
    expect(rule).not.toBe('');
    document.body.innerHTML =
      '<div class="site language-en" data-tidy-keep><article data-tidy-keep><p>Story</p></article><section id="comments"></section></div>';
    expect(document.getElementById('comments')?.matches(rule)).toBe(true);
    document.body.innerHTML = '<pre class="language-js"><section id="comments"></section></pre>';
    expect(document.getElementById('comments')?.matches(rule)).toBe(false);
  });

  it('hides nothing for categories not asked for', () => {
    expect(clutterStylesheet(compileClutterRules(), [])).toBe('');
  });
});
