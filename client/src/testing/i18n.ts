import { createI18n } from 'vue-i18n';
import en from '@/i18n/en';
import zhCN from '@/i18n/zh-CN';

/** The app's real messages in a fresh i18n instance, so tests read what users read. */
export function testI18n(locale: 'zh-CN' | 'en' = 'zh-CN') {
  return createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en }, missingWarn: false, fallbackWarn: false });
}
