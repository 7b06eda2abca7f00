import { mountPage } from '../mount';
import { Popup } from './Popup';

mountPage(<Popup />);
