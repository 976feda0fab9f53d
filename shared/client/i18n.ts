import { en, vi, withAddressForm, type AddressForm } from '@luot/shared';
import { watchEffect } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';

export type Locale = 'vi' | 'en';

/** vue-i18n with the shared catalogue; Vietnamese first. */
export function createAppI18n(locale: Locale = 'vi') {
  return createI18n({ legacy: false, locale, fallbackLocale: 'vi', messages: { vi, en } });
}

/**
 * I5: the app's Vietnamese messages in the centre's register, kept so as the hub's answer changes
 * (call in a component's setup).
 */
export function useAddressForm(form: () => AddressForm | undefined): void {
  const i18n = useI18n({ useScope: 'global' });
  watchEffect(() => i18n.setLocaleMessage('vi', withAddressForm(vi, form() ?? 'congDan')));
}
