import { mountPage } from '../mount';
import { Popup } from '../popup/Popup';

// Until the side panel gets its own reading view, it shows what the popup shows for the active tab.
mountPage(<Popup />);
