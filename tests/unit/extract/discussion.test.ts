// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { hasDate } from '../../../src/extract/boilerplate';
import { buildThread, microdataPosts, POST_HEADER, repeatedPosts } from '../../../src/extract/discussion';
import { blockText } from '../../../src/extract/block-text';
import { extractArticle } from '../../../src/extract/extract-article';

function doc(body: string, head = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const SENTENCE = 'The pump failed again after the update, and the log shows a timeout each time it restarts.';

/** A phpBB-like thread: each post has a profile card beside its body, the date in a line above it. */
function phpbbThread(count: number): string {
  const posts = Array.from(
    { length: count },
    (_, i) => `<div id="p${i}" class="post has-profile bg${(i % 2) + 1}"><div class="inner">
      <dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=${i}" class="username">member${i}</a></dt>
        <dd class="profile-posts"><strong>Posts:</strong> ${100 + i}</dd><dd class="profile-joined"><strong>Joined:</strong> Sun Dec 17, 2023 11:18 am</dd></dl>
      <div class="postbody"><div id="post_content${i}"><h3><a href="#p${i}">Re: Pump timeout</a></h3>
        <p class="author"><a href="./viewtopic.php?p=${i}#p${i}">Wed Dec 27, 2023 10:0${i} am</a></p>
        <div class="content">Post ${i}: ${SENTENCE}<br>Second line of post ${i}.</div></div></div>
    </div></div><hr class="divider">`,
  ).join('');
  return `<div id="page-body"><h2 class="topic-title">Pump timeout</h2>${posts}</div>`;
}

describe('microdataPosts', () => {
  it('reads the posts of a Q&A page in order, with their authors and dates, not the posts they quote', () => {
    const page = doc(`<main itemscope itemtype="https://schema.org/QAPage">
      <div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
        <h1 itemprop="name">Why does the pump time out?</h1>
        <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">ada</span></span>
        <time itemprop="dateCreated" datetime="2024-05-03T08:45:00Z">May 3</time>
        <div itemprop="text"><p>Question: ${SENTENCE}</p></div>
      </div>
      <div itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">
        <span itemprop="author">grace</span>
        <div itemprop="text"><p>Answer: ${SENTENCE}</p>
          <blockquote itemscope itemtype="https://schema.org/Comment"><div itemprop="text">Quoted: ${SENTENCE}</div></blockquote>
        </div>
      </div></main>`);
    const posts = microdataPosts(page.body);
    expect(posts.map((p) => [p.author, p.date, p.opens])).toEqual([
      ['ada', '2024-05-03T08:45:00Z', true],
      ['grace', null, false],
    ]);
    expect(posts[1]?.body.textContent).toContain('Quoted:');
  });
});

describe('microdataPosts with the text in a meta', () => {
  it("reads an opening post whose text the page gives only in a meta's content, paragraph by paragraph", () => {
    const page = doc(`<div itemscope itemtype="https://schema.org/DiscussionForumPosting">
        <span itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="ada"></span>
        <meta itemprop="text" content="Opening: ${SENTENCE}

Second paragraph of the opening post."></div>
      <table><tbody itemscope itemtype="https://schema.org/Comment"><tr><td><div itemprop="text">Reply: ${SENTENCE}</div></td></tr></tbody></table>`);
    const posts = microdataPosts(page.body);
    expect(posts.map((p) => [p.author, p.opens])).toEqual([
      ['ada', true],
      [null, false],
    ]);
    expect(Array.from(posts[0]?.body.querySelectorAll('p') ?? []).map((p) => p.textContent)).toEqual([
      `Opening: ${SENTENCE}`,
      'Second paragraph of the opening post.',
    ]);
  });

  it("takes no thread's title, given as the text of the item around its posts, for a post", () => {
    const page = doc(`<div itemscope itemtype="https://schema.org/DiscussionForumPosting">
        <meta itemprop="headline" content="Pump timeout"><meta itemprop="text" content="Pump timeout">
        <div itemscope itemtype="https://schema.org/Comment"><div itemprop="text">Opening: ${SENTENCE}</div></div>
        <div itemscope itemtype="https://schema.org/Comment"><div itemprop="text">Reply: ${SENTENCE}</div></div></div>`);
    expect(microdataPosts(page.body).map((p) => p.body.textContent)).toEqual([
      `Opening: ${SENTENCE}`,
      `Reply: ${SENTENCE}`,
    ]);
  });
});

describe('repeatedPosts', () => {
  it("finds each post of a thread by its shape, and in each its own text, not the author's card", () => {
    const page = doc(phpbbThread(5));
    const posts = repeatedPosts(page.body, { hasDate });
    expect(posts).toHaveLength(5);
    expect(posts.map((p) => p.body.className)).toEqual(Array(5).fill('content'));
    expect(posts[2]?.author).toBe('member2');
    expect(blockText(posts[0]?.body as Element)).not.toMatch(/Posts:|Joined:/);
  });

  it("takes a post's body from a path two posts share, not one long post's own table", () => {
    // Two posts: the second's author card holds a long list of the member's hardware.
    const card = (i: number, extra = '') =>
      `<aside class="author-pane"><a href="/profile/${i}-m" class="username">member${i}</a><ul class="pane-info"><li>Members</li>${extra}</ul></aside>`;
    const specs = Array.from(
      { length: 5 },
      (_, i) => `<li>Part ${i}: a graphics card with its own water block</li>`,
    ).join('');
    const post = (i: number, extra = '') =>
      `<article class="comment">${card(i, extra)}<div class="comment-wrap"><time datetime="2024-03-19T21:2${i}:00Z">March 19, 2024</time><div class="comment-content"><p>Post ${i}: ${SENTENCE}</p></div></div></article>`;
    const posts = repeatedPosts(doc(post(0) + post(1, specs)).body, { hasDate });
    expect(posts.map((p) => p.body.closest('.comment-content') !== null)).toEqual([true, true]);
    expect(posts.map((p) => p.author)).toEqual(['member0', 'member1']);
  });

  it('finds an opening post drawn apart from the replies by the mark its body shares with theirs', () => {
    // Vanilla: the discussion in its own block above the list of comments, each body a `.Message`.
    // Each block's classes differ (rank, original poster, alternate rows); the inner block does not.
    const block = (cls: string, who: string, day: number, words: string) => {
      const [tag, inner] = cls.startsWith('li') ? ['li', 'Comment'] : ['div', 'Discussion'];
      return `<${tag} class="${cls.replace(/^li\.?/, '')}"><div class="${inner}"><div class="Item-Header">
        <a href="/profile/${who}" class="Username">${who}</a><time datetime="2025-03-0${day}T10:00:00Z">March ${day}, 2025</time></div>
        <div class="Item-BodyWrap"><div class="Item-Body"><div class="Message userContent"><p>${words}</p></div></div></div></div></${tag}>`;
    };
    const page =
      doc(`<div class="MessageList Discussion">${block('Item ItemDiscussion Rank-Admin', 'linc', 1, `Opening: ${SENTENCE} ${SENTENCE}`)}</div>
      <h2 class="CommentHeading">Comments</h2><ul class="Comments DataList">
      ${block('li.Item Alt ItemComment', 'k17', 4, `First reply: ${SENTENCE}`)}
      ${block('li.Item ItemComment Rank-Admin', 'mcrouse', 6, `Second reply: ${SENTENCE}`)}
      ${block('li.Item Alt ItemComment isOriginalPoster', 'linc', 7, `Third reply: ${SENTENCE}`)}</ul>`);
    const posts = repeatedPosts(page.body, { hasDate });
    expect(posts.map((p) => [p.author, p.date, p.body.textContent?.trim().split(':')[0]])).toEqual([
      ['linc', '2025-03-01T10:00:00Z', 'Opening'],
      ['k17', '2025-03-04T10:00:00Z', 'First reply'],
      ['mcrouse', '2025-03-06T10:00:00Z', 'Second reply'],
      ['linc', '2025-03-07T10:00:00Z', 'Third reply'],
    ]);
  });

  it('finds posts that show a short age and give the full date on hover', () => {
    const post = (i: number) =>
      `<div class="comment-container"><div class="post-header"><a href="/users/m${i}" class="username">m${i}</a>
        <span class="post-when"><span title="August 1${i}, 2023 - 3:05pm">2y</span></span></div>
        <div class="comment-content"><p>Reply ${i}: ${SENTENCE}</p></div><div class="links"><a href="#">Reply</a></div></div>`;
    const page = doc(`<div class="comments">${[1, 2, 3].map(post).join('')}</div>`);
    const posts = repeatedPosts(page.body, { hasDate });
    expect(posts.map((p) => [p.author, p.date, p.body.textContent?.trim()])).toEqual(
      [1, 2, 3].map((i) => [`m${i}`, `August 1${i}, 2023 - 3:05pm`, `Reply ${i}: ${SENTENCE}`]),
    );
  });

  it("never takes a sidebar's dated teasers for the posts, on a thread of one post", () => {
    const teaser = (i: number) =>
      `<li class="block-row"><a href="/threads/topic-${i}.${i}/">Topic ${i} in another forum</a>
        <div class="contentRow-minor">Latest: member${i} <time datetime="2025-12-0${i}T10:00:00Z">Dec ${i}, 2025</time></div></li>`;
    const widget = (tag: string, attributes: string) =>
      `<${tag} ${attributes}><h3>New posts</h3><ul>${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</ul></${tag}>`;
    const thread = `<article class="message message--post"><a href="/members/op.9/" class="username">op</a>
      <time datetime="2025-12-19T04:25:00Z">Dec 19, 2025</time><div class="message-body">${`<p>${SENTENCE}</p>`.repeat(8)}</div></article>`;
    for (const beside of [
      widget('div', 'class="p-body-sidebar"'),
      widget('aside', ''),
      widget('div', 'role="complementary"'),
    ]) {
      const page = doc(`<div class="p-body"><div class="p-body-main">${thread}</div>${beside}</div>`);
      expect(repeatedPosts(page.body, { hasDate })).toEqual([]);
      const result = extractArticle(page, { url: 'https://forum.example/threads/pump-timeout.783768/', window });
      expect(result.text).toContain(SENTENCE);
      expect(result.text).not.toContain('Latest: member');
    }
  });

  it('finds posts in a layout whose wrapper is named for its sidebar', () => {
    const page = doc(`<div class="content-sidebar-wrap">${phpbbThread(4)}<aside>Ads</aside></div>`);
    expect(repeatedPosts(page.body, { hasDate })).toHaveLength(4);
  });

  it('keeps every paragraph of a longer post among one-paragraph replies', () => {
    const post = (i: number, paragraphs: string[]) => `<div class="message">
      <div class="meta"><a href="/profile/${i}-m${i}/" class="username">m${i}</a> Posted <time datetime="2024-03-0${i}T09:00:00Z">March ${i}, 2024</time></div>
      <div class="content">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    const page = doc(
      [
        post(1, [`Opening: ${SENTENCE}`]),
        post(2, [`Reply: ${SENTENCE}`, 'Second paragraph: I am thinking of moving to another pump altogether.']),
        post(3, [`Another: ${SENTENCE}`]),
        post(4, [`Last: ${SENTENCE}`]),
      ].join(''),
    );
    const posts = repeatedPosts(page.body, { hasDate });
    expect(posts).toHaveLength(4);
    expect(posts[1]?.body.textContent).toContain('Second paragraph');
  });

  it('finds nothing on an article without dated repeated blocks', () => {
    const page = doc(`<article><h1>A story</h1>${`<p>${SENTENCE}</p>`.repeat(12)}</article>`);
    expect(repeatedPosts(page.body, { hasDate })).toEqual([]);
  });
});

describe('buildThread', () => {
  it("heads each post with its author and date, which the thread's text leaves out", () => {
    const page = doc(phpbbThread(3));
    const thread = buildThread(page, repeatedPosts(page.body, { hasDate }));
    expect(thread.querySelectorAll('article')).toHaveLength(3);
    expect(thread.querySelector('article > header')?.textContent).toMatch(/^member0 · Wed Dec 27, 2023 10:00 am$/);
    const text = blockText(thread, { skip: (el) => el.hasAttribute(POST_HEADER) });
    expect(text).not.toContain('member0');
    expect(text).toContain('Post 2: The pump failed again');
  });

  it("leaves out members' signatures and quotes of the posts above, and keeps a quote from elsewhere", () => {
    const page = doc(`<div>
      <div class="post"><div class="body"><p>First: ${SENTENCE}</p><div class="ipsEntry__signature">My rig: a pump, two radiators and far too many fans</div></div></div>
      <div class="post"><div class="body"><blockquote class="quote"><div class="quote-citation">member0 said:</div><p>First: ${SENTENCE}</p><div class="quote-expand">Click to expand...</div></blockquote><p>Second: I had the same problem with mine.</p>
        <blockquote><p>Never trust a pump you cannot hear, as the manual of an older model warns.</p></blockquote></div></div>
    </div>`);
    const posts = Array.from(page.querySelectorAll('.post .body')).map((body) => ({ body, author: null, date: null }));
    const text = blockText(buildThread(page, posts));
    expect(text.match(/First: /g)).toHaveLength(1);
    expect(text).not.toMatch(/My rig|Click to expand|said:/);
    expect(text).toContain('Second: I had the same problem');
    expect(text).toContain('Never trust a pump you cannot hear');
  });

  it('leaves out a quote of a post above whose quoted words sit in a box classed for its expand link', () => {
    const page = doc(`<div>
      <div class="post"><div class="body"><p>First: ${SENTENCE}</p></div></div>
      <div class="post"><div class="body"><blockquote class="bbCodeBlock bbCodeBlock--quote">
        <div class="bbCodeBlock-title"><a href="/goto/post?id=1">member0 said:</a></div>
        <div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent">First: ${SENTENCE}</div></div></blockquote>
        <p>Second: I had the same problem with mine.</p></div></div>
    </div>`);
    const posts = Array.from(page.querySelectorAll('.post .body')).map((body) => ({ body, author: null, date: null }));
    const text = blockText(buildThread(page, posts));
    expect(text.match(/First: /g)).toHaveLength(1);
    expect(text).toContain('Second: I had the same problem');
  });

  it('leaves out the cards drawn for links in a post, and keeps the link the member wrote', () => {
    const page = doc(`<div>
      <div class="post"><div class="body"><p>Reply: ${SENTENCE} See <a href="https://news.example/pumps">this review</a>.</p>
        <aside class="onebox allowlistedgeneric"><header class="source"><a href="https://news.example/pumps">news.example</a></header>
          <article class="onebox-body"><h3>The Ten Best Pumps of the Year</h3><p>Our editors tested forty pumps in a month of trials.</p></article></aside>
        <div class="bbCodeBlock bbCodeBlock--unfurl"><div class="contentRow-title">Pump Buyer's Guide</div><div class="contentRow-snippet">Everything to know before you buy.</div></div>
      </div></div>
    </div>`);
    const posts = Array.from(page.querySelectorAll('.post .body')).map((body) => ({ body, author: null, date: null }));
    const text = blockText(buildThread(page, posts));
    expect(text).toContain('See this review.');
    expect(text).not.toMatch(/Ten Best Pumps|forty pumps|Buyer's Guide|before you buy/);
  });

  it("leaves out a post's controls and the lines its software keeps out of quotes", () => {
    const page = doc(`<div>
      <div class="post"><div class="body"><blockquote><p>Never trust a pump you cannot hear, as the manual of an older model warns.</p>
        <div class="bbCodeBlock-expandLink"><a role="button" tabindex="0">Click to expand...</a></div></blockquote>
        <p>Reply: ${SENTENCE}</p><button type="button">Show more</button>
        <span data-excludequote=""><strong>Edited January 29 by member1</strong> <a href="/edits">(see edit history)</a></span></div></div>
    </div>`);
    const posts = Array.from(page.querySelectorAll('.post .body')).map((body) => ({ body, author: null, date: null }));
    const text = blockText(buildThread(page, posts));
    expect(text).toContain('Never trust a pump');
    expect(text).toContain('Reply: The pump failed');
    expect(text).not.toMatch(/Click to expand|Show more|Edited|edit history/);
  });
});

describe('extractArticle on threads', () => {
  it('reads a forum thread the page declares as its posts, headed by their authors', () => {
    const page = doc(phpbbThread(6), '<meta name="generator" content="phpBB"><title>Pump timeout</title>');
    const result = extractArticle(page, { url: 'https://forum.example/viewtopic.php?t=1', window });
    expect(result).toMatchObject({ isArticle: true, pageType: 'discussion', byline: 'member0' });
    for (let i = 0; i < 6; i++) expect(result.text).toContain(`Post ${i}: ${SENTENCE}`);
    expect(result.text).not.toMatch(/Joined:|member3/);
    expect(result.html).toContain('<header><strong>member3</strong>');
  });

  it("reads a Q&A page's question and answers without the short comments under each", () => {
    const note = (i: number) =>
      `<li itemscope itemtype="https://schema.org/Comment"><div itemprop="text">Note ${i}: thanks, that helped.</div></li>`;
    const page = doc(`<main itemscope itemtype="https://schema.org/QAPage">
      <div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h1 itemprop="name">Pump timeout</h1>
        <div itemprop="text"><p>Question: ${SENTENCE}</p></div><ul>${note(1)}</ul></div>
      <div itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">
        <div itemprop="text"><p>Answer: ${SENTENCE}</p></div><ul>${note(2)}${note(3)}</ul></div></main>`);
    const result = extractArticle(page, { url: 'https://qa.example/questions/1/pump', window });
    expect(result.pageType).toBe('discussion');
    expect(result.text).toContain('Question: The pump');
    expect(result.text).toContain('Answer: The pump');
    expect(result.text).not.toContain('Note ');
  });

  it('reads the posts of a thread at a forum address when only the replies are marked up', () => {
    const reply = (i: number) =>
      `<article class="message" itemscope itemtype="https://schema.org/Comment"><a href="/members/m${i}.${i}/" class="username">m${i}</a>
        <time datetime="2025-06-14T08:4${i}:00Z">Jun 14, 2025</time><div class="message-body"><div itemprop="text">Reply ${i}: ${SENTENCE}</div></div></article>`;
    const opening = `<article class="message"><a href="/members/op.9/" class="username">op</a>
      <time datetime="2025-06-14T08:00:00Z">Jun 14, 2025</time><div class="message-body"><div>Opening: ${SENTENCE} ${SENTENCE}</div></div></article>`;
    const page = doc(`<div class="thread">${opening}${reply(1)}${reply(2)}</div>`);
    const result = extractArticle(page, { url: 'https://forum.example/threads/pump-timeout.3881239/', window });
    expect(result.pageType).toBe('discussion');
    expect(result.text).toContain('Opening: The pump');
    expect(result.text).toContain('Reply 2: The pump');
  });

  it('reads every post of a thread whose software marks up only the opening post', () => {
    const post = (i: number, marked: boolean) =>
      `<div class="post-row"${marked ? ' itemscope itemtype="https://schema.org/DiscussionForumPosting"' : ''}>
        <a href="/members/m${i}" class="author-name"${marked ? ' itemprop="author"' : ''}>m${i}</a>
        <time datetime="2024-0${i + 1}-08T22:13:00Z">2024</time>
        <div class="post_content"${marked ? ' itemprop="articleBody"' : ''}>Post ${i}: ${SENTENCE}</div></div>`;
    const page = doc(`<div class="thread">${post(0, true)}${post(1, false)}${post(2, false)}${post(3, false)}</div>`);
    const result = extractArticle(page, { url: 'https://groups.example/what-to-look-for-t1234.html', window });
    expect(result.pageType).toBe('discussion');
    for (const i of [0, 1, 2, 3]) expect(result.text).toContain(`Post ${i}: The pump`);
  });

  it.each([
    'https://open.example.com/discussion/39620/vanilla-is-no-longer-maintained',
    'https://example.org/forums/topic/starting-projects-of-an-absolute-beginner/',
  ])('reads the posts at a thread address of common forum software (%s)', (url) => {
    const post = (i: number) =>
      `<div class="reply"><a href="/profile/m${i}" class="author">m${i}</a><span class="date">May ${i + 1}, 2024</span>
        <div class="reply-content"><p>Post ${i}: ${SENTENCE}</p></div></div>`;
    const page = doc(`<div class="replies">${[0, 1, 2, 3].map(post).join('')}</div>`);
    const result = extractArticle(page, { url, window });
    expect(result.pageType).toBe('discussion');
    expect(result.text).toContain('Post 3: The pump');
  });

  it("does not take a blog post's comments marked up as schema.org Comments for a thread", () => {
    const comments = Array.from(
      { length: 6 },
      (_, i) =>
        `<li itemscope itemtype="https://schema.org/Comment"><span itemprop="author">reader${i}</span><div itemprop="text"><p>Comment ${i}: ${SENTENCE}</p></div></li>`,
    ).join('');
    const page = doc(
      `<article><h1>On pumps</h1>${`<p>Story: ${SENTENCE}</p>`.repeat(10)}</article><section id="comments" class="comments"><ol>${comments}</ol></section>`,
      '<meta property="og:type" content="article"><title>On pumps</title>',
    );
    const result = extractArticle(page, { url: 'https://blog.example/pumps', window });
    expect(result.pageType).toBe('article');
    expect(result.text).toContain('Story: The pump failed');
    expect(result.text).not.toContain('Comment 3');
  });
});
