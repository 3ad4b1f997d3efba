// The small UI kit both apps share: accessible form fields with their error beside them, buttons, alerts, prices.
import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useI18n } from '../i18n/I18n';
import { locales } from '../i18n/messages';

export function Button({ variant = 'primary', className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'link' }) {
  return <button type="button" className={`gs-button gs-button--${variant} ${className ?? ''}`} {...props} />;
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled input whose error is announced and tied to it (aria-describedby, aria-invalid). */
export function Field({ label, error, hint, id, ...input }: FieldProps) {
  const own = useId();
  const fieldId = id ?? own;
  const described = [error ? `${fieldId}-error` : null, hint ? `${fieldId}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="gs-field">
      <label htmlFor={fieldId}>{label}</label>
      <input id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint && <small id={`${fieldId}-hint`}>{hint}</small>}
      {error && <p className="gs-field__error" id={`${fieldId}-error`} role="alert">{error}</p>}
    </div>
  );
}

export function SelectField({ label, error, id, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string }) {
  const own = useId();
  const fieldId = id ?? own;
  return (
    <div className="gs-field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fieldId}-error` : undefined} {...select}>{children}</select>
      {error && <p className="gs-field__error" id={`${fieldId}-error`} role="alert">{error}</p>}
    </div>
  );
}

export function Alert({ kind = 'error', children }: { kind?: 'error' | 'info' | 'success'; children: ReactNode }) {
  if (!children) return null;
  return <div className={`gs-alert gs-alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}

export function Loading() {
  const { t } = useI18n();
  return <p className="gs-loading" role="status">{t('app.loading')}</p>;
}

export function Price({ amount, currency = 'VND', className }: { amount: number; currency?: string; className?: string }) {
  const { money } = useI18n();
  return <span className={`gs-price ${className ?? ''}`}>{money(amount, currency)}</span>;
}

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="gs-language" role="group" aria-label={t('app.language')}>
      {locales.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={locale === l} onClick={() => setLocale(l)}>
          {l === 'vi' ? 'Tiếng Việt' : 'English'}
        </button>
      ))}
    </div>
  );
}

export function Stars({ rating, label }: { rating: number; label: string }) {
  const full = Math.round(rating);
  return <span className="gs-stars" role="img" aria-label={label}>{'★'.repeat(full)}{'☆'.repeat(Math.max(0, 5 - full))}</span>;
}
