import { mountPage } from '../mount';
import { Placeholder } from '../components/Placeholder';

mountPage(<Placeholder titleKey="pageTitleOptions" />, 'pageTitleOptions');
