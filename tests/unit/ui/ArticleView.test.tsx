// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleView } from '../../../src/ui/article/ArticleView';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { makeArticle } from './article-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const OG_IMAGE = 'https://cdn.news.example/images/1200x630/harbour-crane.jpg?w=1200&q=80';
const STORY = `<p>The harbour's last crane came down on Tuesday.</p>${'<p>It had stood for sixty years over the docks.</p>'.repeat(20)}`;

async function leadShown(firstFigure: string): Promise<string | null> {
  renderWithPage(
    <ArticleView
      article={makeArticle({
        url: 'https://news.example/2024/05/harbour',
        leadImage: { src: OG_IMAGE, alt: 'The crane' },
        html: `<figure><img src="${firstFigure}" alt="The crane at dawn"></figure>${STORY}`,
      })}
    />,
    createMockApi(),
  );
  await screen.findByRole('heading', { level: 1, name: 'A headline' });
  return document.querySelector('.article__lead img')?.getAttribute('src') ?? null;
}

describe('ArticleView', () => {
  it('shows the lead image once when the first figure is the same picture at another address', async () => {
    expect(await leadShown('https://news.example/wp-content/uploads/2024/05/harbour-crane-768x432.jpg')).toBeNull();
    expect(document.querySelectorAll('img')).toHaveLength(1);
  });

  it('shows the lead image above a first figure of another picture', async () => {
    expect(await leadShown('https://news.example/wp-content/uploads/2024/05/ferry-768x432.jpg')).toBe(OG_IMAGE);
    expect(document.querySelectorAll('img')).toHaveLength(2);
  });
});
