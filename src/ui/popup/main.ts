/**
 * The popup's module entry. The article was asked for already, by the classic start script in the
 * page's head (start.ts); this loads the popup's UI (Preact, the stylesheet, the components)
 * while the tab is being read, and gives it the request under way.
 */
import { takeStartedReading } from './reading-handover';

const reading = takeStartedReading();
void import('./mount-popup').then(({ mountPopup }) => mountPopup(reading));
