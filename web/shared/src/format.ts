// Numbers, money and dates the way Vietnamese shoppers read them (vi-VN: "123.000 ₫", "07/12/2026"), or English.
import type { Locale } from './i18n/messages';

const money = new Map<string, Intl.NumberFormat>();

/** A VND amount, e.g. 123000 → "123.000 ₫" in vi, "₫123,000" in en. Dong have no minor unit. */
export function formatMoney(amount: number, currency = 'VND', locale: Locale = 'vi'): string {
  const key = `${locale}:${currency}`;
  let format = money.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency, maximumFractionDigits: currency === 'VND' ? 0 : 2 });
    money.set(key, format);
  }
  return format.format(amount);
}

export function formatDateTime(iso: string, locale: Locale = 'vi'): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, locale: Locale = 'vi'): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale = 'vi'): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US').format(value);
}
