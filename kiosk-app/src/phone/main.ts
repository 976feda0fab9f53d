import { mountApp } from '@luot/shared/client/mount';
import PhonePage from './PhonePage.vue';

mountApp(PhonePage);
