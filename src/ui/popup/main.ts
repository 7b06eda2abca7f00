/**
 * The popup's entry, kept tiny on purpose: it asks for the article first, then loads the popup's
 * UI (Preact, the stylesheet, the components) while the tab is being read. A static import of the
 * UI would make the browser fetch and compile all of it before this line could run.
 */
import { startReading } from './start-reading';

const reading = startReading(location);
void import('./mount-popup').then(({ mountPopup }) => mountPopup(reading));
