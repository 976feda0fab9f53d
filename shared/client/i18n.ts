import { en, vi } from '@luot/shared';
import { createI18n } from 'vue-i18n';

export type Locale = 'vi' | 'en';

/** vue-i18n with the shared catalogue; Vietnamese first. */
export function createAppI18n(locale: Locale = 'vi') {
  return createI18n({ legacy: false, locale, fallbackLocale: 'vi', messages: { vi, en } });
}
