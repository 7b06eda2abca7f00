import { createRuntimeApi } from '../api/runtime-api';
import { mountPage } from '../mount';
import { createLibraryStore } from '../stores/createLibraryStore';
import { takeStartedFirstPage, withStartedFirstPage } from './first-page';
import { HighlightsView, LibraryViews } from './HighlightsView';
import { Library } from './Library';
import './library.css';

const api = createRuntimeApi(location);
if (new URLSearchParams(location.search).get('view') === 'highlights') {
  mountPage(
    <>
      <LibraryViews current="highlights" />
      <HighlightsView />
    </>,
    'pageTitleHighlights',
    api,
  );
} else {
  // The list is asked for before the page first renders (by the start script in the page's head,
  // whose request the list takes over): the answer is on its way meanwhile.
  // The first page the background keeps is drawn until its answer comes.
  const started = takeStartedFirstPage();
  const listing = withStartedFirstPage(api, started);
  const store = createLibraryStore(listing);
  void store.start({ kept: started?.kept });
  mountPage(
    <>
      <LibraryViews current="articles" />
      <Library store={store} />
    </>,
    'pageTitleLibrary',
    listing,
  );
}
