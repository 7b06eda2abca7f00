import { mountPage } from '../mount';
import { Placeholder } from '../components/Placeholder';

mountPage(<Placeholder titleKey="pageTitleLibrary" />, 'pageTitleLibrary');
