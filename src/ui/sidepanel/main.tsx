import { mountPage } from '../mount';
import { SidePanel } from './SidePanel';

mountPage(<SidePanel search={location.search} />, 'pageTitleSidePanel');
