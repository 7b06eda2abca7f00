import { mountPage } from '../mount';
import { Popup } from '../popup/Popup';

mountPage(<Popup />, 'pageTitleReader');
