// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mediaLinkOf, replaceMediaWithCards } from '../../../src/sanitise/media-card';

const BASE = 'https://news.example/story';

function element(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder.firstElementChild as Element;
}

const frame = (src: string, title = ''): Element => element(`<iframe src="${src}" title="${title}"></iframe>`);

describe('the link a media card opens', () => {
  it("opens each known player's video on the provider's own page", () => {
    const cases: [string, string, string][] = [
      [
        'https://www.youtube.com/embed/videoseries?list=PL123',
        'YouTube',
        'https://www.youtube.com/playlist?list=PL123',
      ],
      ['http://www.youtube.com/embed/abcDEF123', 'YouTube', 'https://www.youtube.com/watch?v=abcDEF123'],
      ['https://player.vimeo.com/video/76979871', 'Vimeo', 'https://vimeo.com/76979871'],
      [
        'https://geo.dailymotion.com/player.html?video=x8abcd1',
        'Dailymotion',
        'https://www.dailymotion.com/video/x8abcd1',
      ],
      ['https://player.twitch.tv/?channel=harbourtv&parent=news.example', 'Twitch', 'https://www.twitch.tv/harbourtv'],
      ['https://clips.twitch.tv/embed?clip=FunnyClip-abc&parent=x', 'Twitch', 'https://clips.twitch.tv/FunnyClip-abc'],
      ['https://archive.org/embed/harbour_1911', 'Internet Archive', 'https://archive.org/details/harbour_1911'],
      [
        'https://commons.wikimedia.org/wiki/File:Harbour.webm?embedplayer=yes',
        'Wikimedia Commons',
        'https://commons.wikimedia.org/wiki/File:Harbour.webm',
      ],
      [
        'https://v.qq.com/txp/iframe/player.html?vid=k1234abcd',
        'Tencent Video',
        'https://v.qq.com/x/page/k1234abcd.html',
      ],
      // An address the provider serves that we cannot name: the embed itself, on the provider's site.
      ['https://www.youtube.com/live_embed?x=1', 'YouTube', 'https://www.youtube.com/live_embed?x=1'],
    ];
    for (const [src, provider, url] of cases) {
      expect(mediaLinkOf(frame(src), BASE), src).toEqual({ url, provider, title: null });
    }
  });

  it('has none for a frame from any other site, or a player fed by a script', () => {
    expect(mediaLinkOf(frame('https://www.youtube.com.evil.example/embed/abc'), BASE)).toBeNull();
    expect(mediaLinkOf(frame('https://evil.example/?u=https://www.youtube.com/embed/abc'), BASE)).toBeNull();
    expect(mediaLinkOf(frame('/embed/abc'), BASE)).toBeNull();
    expect(mediaLinkOf(element('<video src="blob:https://news.example/1"></video>'), BASE)).toBeNull();
    expect(mediaLinkOf(element('<video></video>'), BASE)).toBeNull();
  });

  it("takes the page's title for the video, never the player's name", () => {
    const src = 'https://www.youtube.com/embed/abcDEF123';
    expect(mediaLinkOf(frame(src, 'How the harbour was built'), BASE)?.title).toBe('How the harbour was built');
    for (const generic of ['YouTube video player', 'youtube', 'Embedded content', 'Video', 'vimeo-player', 'Player']) {
      expect(mediaLinkOf(frame(src, generic), BASE)?.title, generic).toBeNull();
    }
    const labelled = element(`<iframe src="${src}" aria-label="The ferry, then and now"></iframe>`);
    expect(mediaLinkOf(labelled, BASE)?.title).toBe('The ferry, then and now');
    expect(mediaLinkOf(frame(src, 'x'.repeat(500)), BASE)?.title).toHaveLength(200);
  });

  it("opens a page's own video or audio file as itself, named by its site", () => {
    const video = element('<video title="Flood footage"><source src="/media/flood.webm" type="video/webm"></video>');
    expect(mediaLinkOf(video, BASE)).toEqual({
      url: 'https://news.example/media/flood.webm',
      provider: 'news.example',
      title: 'Flood footage',
    });
  });
});

describe('replacing media with cards', () => {
  it('puts a card where each player was, and removes what has none', () => {
    const root = element(
      '<div><p>Before <iframe src="https://www.youtube.com/embed/abcDEF123" title="The plan"></iframe> after.</p>' +
        '<iframe src="https://ads.example/frame"></iframe><video src="https://cdn.example/v.mp4"><audio src="https://cdn.example/a.mp3"></audio></video></div>',
    );
    replaceMediaWithCards(root, BASE);
    expect(root.innerHTML).toBe(
      '<p>Before <a class="media-card" href="https://www.youtube.com/watch?v=abcDEF123"><span>The plan</span> <small>YouTube</small></a> after.</p>' +
        '<a class="media-card" href="https://cdn.example/v.mp4"><small>cdn.example</small></a>',
    );
  });
});
