import { mountPage } from '../mount';
import { ReaderPage } from './ReaderPage';

mountPage(<ReaderPage search={location.search} />, 'pageTitleReader');
