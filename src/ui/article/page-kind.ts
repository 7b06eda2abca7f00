/**
 * The label a reading surface shows for a page that is not an article: what kind it is and, for a
 * thread or a list, how many posts or items it holds (counted in the sanitised body, as shown).
 */
import type { PageType } from '../../extract/types';
import type { Translate } from '../i18n';

/** Posts of a thread: the engine writes each as an `<article>` at the top of the body. */
function countPosts(body: ParentNode): number {
  return Array.from(body.children).filter((child) => child.localName === 'article').length;
}

/** Items of a list: the engine writes each as a list item headed by its title link. */
function countItems(body: ParentNode): number {
  return body.querySelectorAll('li > h3:first-child > a').length;
}

export function pageKindLabel(pageType: PageType, body: ParentNode, t: Translate): string | null {
  switch (pageType) {
    case 'article':
      return null;
    case 'discussion': {
      const posts = countPosts(body);
      return posts === 1 ? t('pageKindDiscussionOne') : t('pageKindDiscussion', String(posts));
    }
    case 'list': {
      const items = countItems(body);
      return items === 1 ? t('pageKindListOne') : t('pageKindList', String(items));
    }
    case 'product':
      return t('pageKindProduct');
    case 'documentation':
      return t('pageKindDocumentation');
    case 'page':
      return t('pageKindPage');
  }
}
