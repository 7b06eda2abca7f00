import { mountPage } from '../mount';
import { Library } from './Library';
import './library.css';

mountPage(<Library />, 'pageTitleLibrary');
