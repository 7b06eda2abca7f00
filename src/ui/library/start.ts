/**
 * The library page's first script (`library-start.js`, a classic script in library.html's head):
 * it asks for the first page of rows while the page is still being parsed, before any module could
 * run, and hands the request over to the module entry (main.tsx), which loads the UI meanwhile.
 * Beside it, the first page the background keeps in `storage.session` is read: the list draws it
 * at once, and its rows are replaced by the answer when it comes (an asleep background must first
 * start and open its database).
 */
import { runtimeKeptFirstPage, runtimeListLibrary } from '../api/runtime-library-list';
import { FIRST_PAGE_REQUEST, handOverFirstPage } from './first-page';

if (new URLSearchParams(location.search).get('view') !== 'highlights') {
  handOverFirstPage(FIRST_PAGE_REQUEST, runtimeListLibrary(FIRST_PAGE_REQUEST), runtimeKeptFirstPage());
}
