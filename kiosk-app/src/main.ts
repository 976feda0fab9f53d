import { mountApp } from '@luot/shared/client/mount';
import App from './App.vue';
import './kiosk.css';

mountApp(App);
