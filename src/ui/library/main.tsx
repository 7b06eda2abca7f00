import { createRuntimeApi } from '../api/runtime-api';
import { mountPage } from '../mount';
import { createLibraryStore } from '../stores/createLibraryStore';
import { Library } from './Library';
import './library.css';

// The list is asked for before the page first renders: the answer is on its way meanwhile.
const api = createRuntimeApi(location);
const store = createLibraryStore(api);
void store.start();
mountPage(<Library store={store} />, 'pageTitleLibrary', api);
