import { useId } from 'react';

/** A labelled multi-line input with its error tied to it, like the shared kit's Field. */
export function TextAreaField({ label, value, onChange, error, hint, rows = 3, maxLength }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="gs-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={described} />
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && <p className="gs-field__error" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}
