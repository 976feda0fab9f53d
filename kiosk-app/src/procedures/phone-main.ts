import { mountApp } from '@luot/shared/client/mount';
import ProcedurePhonePage from './ProcedurePhonePage.vue';

mountApp(ProcedurePhonePage);
