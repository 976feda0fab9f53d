import { createApp, type Component } from 'vue';
import { createAppI18n } from './i18n';
import './base.css';

/** Mounts an app's root component with the shared message catalogue. */
export function mountApp(root: Component): void {
  createApp(root).use(createAppI18n()).mount('#app');
}
