import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMoney } from '../format';
import { interpolate, sharedMessages, type Catalog, type Locale } from './messages';
import { errorMessages } from './errorMessages';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: string, params?: Record<string, string | number>): string;
  /** Whether a key has words in the current language. */
  has(key: string): boolean;
  money(amount: number, currency?: string): string;
}

const I18nContext = createContext<I18n | null>(null);
const storageKey = 'goshop.locale';

export function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
  return stored === 'en' ? 'en' : 'vi';
}

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void, extra?: Catalog): I18n {
  const words = { ...sharedMessages[locale], ...errorMessages[locale], ...extra?.[locale] };
  return {
    locale,
    setLocale,
    t: (key, params) => interpolate(words[key] ?? key, params),
    has: (key) => key in words,
    money: (amount, currency) => formatMoney(amount, currency, locale),
  };
}

export function I18nProvider({ messages, children }: { messages?: Catalog; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => createI18n(locale, setLocale, messages), [locale, setLocale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
