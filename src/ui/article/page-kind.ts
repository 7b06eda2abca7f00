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
      return t('pageKindDiscussion', countPosts(body));
    }
    case 'list': {
      return t('pageKindList', countItems(body));
    }
    case 'product':
      return t('pageKindProduct');
    case 'documentation':
      return t('pageKindDocumentation');
    case 'page':
      return t('pageKindPage');
  }
}
