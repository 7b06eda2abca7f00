import { mountPage } from '../mount';
import { OptionsPage } from './OptionsPage';

mountPage(<OptionsPage />, 'pageTitleOptions');
