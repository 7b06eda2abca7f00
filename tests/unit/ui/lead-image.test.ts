// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isLeadInBody, isSamePicture, NEAR_START_CHARS } from '../../../src/ui/article/lead-image';

const BASE = 'https://news.example/2024/05/harbour';

describe('isSamePicture', () => {
  const same: [string, string, string][] = [
    [
      'a CDN copy at a declared size and the body’s WordPress size',
      'https://cdn.news.example/images/1200x630/harbour-crane.jpg?w=1200&q=80',
      'https://news.example/wp-content/uploads/2024/05/harbour-crane-768x432.jpg',
    ],
    [
      'one address with other size and quality parameters',
      'https://i.guim.co.uk/img/media/4f3a9c/0_0_3000_1800/master/3000.jpg?width=1200&quality=85&auto=format&fit=crop&s=ab12',
      'https://i.guim.co.uk/img/media/4f3a9c/0_0_3000_1800/master/3000.jpg?width=620&quality=85&auto=format&s=cd34',
    ],
    ['a size word in the name', 'https://img.news.example/ferry_large.jpg', '/media/ferry.jpg'],
    ['another format', 'https://img.news.example/harbour-crane.jpg.webp', '/harbour-crane.jpg'],
    ['retina and scaled copies', 'https://img.news.example/ferry@2x.png', '/uploads/ferry-scaled.png'],
    [
      'a resizer’s path options and an upload version',
      'https://res.cloudinary.com/news/image/upload/w_1200,h_630,c_fill/v1571234567/ferry-at-dawn.jpg',
      'https://res.cloudinary.com/news/image/upload/ferry-at-dawn.jpg',
    ],
    [
      'a resizer’s options as one path segment',
      'https://news.example/cdn-cgi/image/width=1200,quality=80,format=auto/uploads/harbour-crane.jpg',
      'https://news.example/uploads/harbour-crane.jpg',
    ],
    [
      'the picture a resizer was asked for',
      'https://news.example/_next/image?url=%2Fmedia%2Fharbour-crane.jpg&w=1920&q=75',
      'https://news.example/media/harbour-crane.jpg',
    ],
    [
      'an address without a file extension',
      'https://images.unsplash.com/photo-1503023345310-bd7c1de61c7d?w=1200&q=80',
      'https://images.unsplash.com/photo-1503023345310-bd7c1de61c7d?ixlib=rb-4.0&w=600',
    ],
  ];
  it.each(same)('takes %s for one picture', (_case, lead, figure) => {
    expect(isSamePicture(lead, figure, BASE)).toBe(true);
    expect(isSamePicture(figure, lead, BASE)).toBe(true);
  });

  const different: [string, string, string][] = [
    ['another picture of a series', 'https://cdn.news.example/harbour-crane.jpg', '/harbour-crane-2.jpg'],
    ['other names', 'https://cdn.news.example/ferry-at-dawn.jpg?w=1200', '/ferry-at-dusk.jpg?w=1200'],
    [
      'a name that says only its role, in another folder',
      'https://news.example/2024/05/og-image.jpg',
      'https://news.example/2024/06/og-image.jpg',
    ],
    ['a number for a name, on other paths', 'https://a.example/master/3000.jpg', 'https://b.example/other/3000.jpg'],
    ['a camera’s numbering', 'https://a.example/IMG_2041.jpg', 'https://b.example/photos/IMG_2041.jpg'],
    [
      'pictures told apart by their query',
      'https://news.example/image.php?id=1',
      'https://news.example/image.php?id=2',
    ],
    [
      'two pictures a resizer was asked for',
      'https://news.example/_next/image?url=%2Fmedia%2Fa-crane.jpg&w=1200',
      'https://news.example/media/b-crane.jpg',
    ],
    ['addresses that are not on the web', 'data:image/png;base64,AAAA', 'data:image/png;base64,AAAA'],
  ];
  it.each(different)('tells apart %s', (_case, lead, figure) => {
    expect(isSamePicture(lead, figure, BASE)).toBe(false);
    expect(isSamePicture(figure, lead, BASE)).toBe(false);
  });
});

describe('isLeadInBody', () => {
  const LEAD = 'https://cdn.news.example/images/1200x630/harbour-crane.jpg?w=1200&q=80';
  const SAME = 'https://news.example/wp-content/uploads/2024/05/harbour-crane-768x432.jpg';
  const OTHER = 'https://news.example/wp-content/uploads/2024/05/ferry-768x432.jpg';
  const text = (chars: number) => `<p>${'Words and more words. '.repeat(Math.ceil(chars / 22)).slice(0, chars)}</p>`;
  const figure = (src: string) =>
    `<figure><img src="${src}" alt=""><figcaption>The crane at dawn.</figcaption></figure>`;

  function body(html: string): HTMLElement {
    const element = document.createElement('div');
    element.innerHTML = html;
    return element;
  }

  it('is the body’s opening figure under another address', () => {
    expect(isLeadInBody(LEAD, body(figure(SAME) + text(3000)), BASE)).toBe(true);
    // After a standfirst: still the picture that opens the article.
    expect(isLeadInBody(LEAD, body(text(NEAR_START_CHARS - 50) + figure(SAME) + text(3000)), BASE)).toBe(true);
  });

  it('is not a picture further down, nor the second one', () => {
    expect(isLeadInBody(LEAD, body(text(NEAR_START_CHARS + 200) + figure(SAME)), BASE)).toBe(false);
    expect(isLeadInBody(LEAD, body(figure(OTHER) + figure(SAME) + text(3000)), BASE)).toBe(false);
    expect(isLeadInBody(LEAD, body(figure(OTHER) + text(3000)), BASE)).toBe(false);
    expect(isLeadInBody(LEAD, body(text(3000)), BASE)).toBe(false);
  });

  it('is its own address anywhere in the body', () => {
    expect(isLeadInBody(LEAD, body(figure(OTHER) + text(5000) + figure(LEAD)), BASE)).toBe(true);
  });
});
