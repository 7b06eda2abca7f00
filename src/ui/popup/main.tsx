// First: starts reading the tab before the rest of the popup's code loads.
import { api, articleStore } from './start-reading';
import { mountPage } from '../mount';
import { Popup } from './Popup';

mountPage(<Popup store={articleStore} />, undefined, api);
