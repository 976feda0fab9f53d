import { mountApp } from '@luot/shared/client/mount';
import App from './App.vue';

mountApp(App);
