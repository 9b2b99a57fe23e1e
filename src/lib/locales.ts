import type { LocalizationConfig } from 'payload'

export const LOCALES = ['en', 'de', 'fr', 'es'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

export const localization: LocalizationConfig = {
  locales: [
    { code: 'en', label: 'English' },
    { code: 'de', label: 'Deutsch' },
    { code: 'fr', label: 'Français' },
    { code: 'es', label: 'Español' },
  ],
  defaultLocale: DEFAULT_LOCALE,
  fallback: true,
}

export const localeOptions = localization.locales.map((locale) =>
  typeof locale === 'string' ? { label: locale, value: locale } : { label: String(locale.label), value: locale.code },
)
