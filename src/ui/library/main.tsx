import { createRuntimeApi } from '../api/runtime-api';
import { mountPage } from '../mount';
import { createLibraryStore } from '../stores/createLibraryStore';
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
  // The list is asked for before the page first renders: the answer is on its way meanwhile.
  const store = createLibraryStore(api);
  void store.start();
  mountPage(
    <>
      <LibraryViews current="articles" />
      <Library store={store} />
    </>,
    'pageTitleLibrary',
    api,
  );
}
