/**
 * The popup's first script (`popup-start.js`, a classic script in popup.html's head): it asks for
 * the article while the page is still being parsed, before any module could run, and hands the
 * request over to the module entry (main.ts), which loads the UI meanwhile.
 */
import { handOverReading } from './reading-handover';
import { startReading } from './start-reading';

handOverReading(startReading(location));
