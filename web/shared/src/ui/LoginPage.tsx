import { useState, type FormEvent } from 'react';
import { useAuth } from '../auth/Auth';
import { fieldMessages, formKey, friendlyError } from '../client/errors';
import { useI18n } from '../i18n/I18n';
import { Alert, Button, Field } from './kit';

/** The sign-in form both apps use; `onSignedIn` decides where to go next. */
export function LoginPage({ onSignedIn, title }: { onSignedIn?: () => void; title?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { signIn, endedReason } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const userErrors = await signIn(email, password);
      setErrors(fieldMessages(userErrors, i18n, ['email', 'password']));
      if (userErrors.length === 0) onSignedIn?.();
    } catch (error) {
      setErrors({ [formKey]: friendlyError(error as Error, i18n) ?? t('error.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="gs-card gs-login">
      <h1>{title ?? t('auth.signInTitle')}</h1>
      {endedReason === 'session-ended' && <Alert kind="info">{t('auth.sessionEnded')}</Alert>}
      <form onSubmit={submit} noValidate>
        <Field label={t('auth.email')} type="email" name="email" autoComplete="username" value={email}
          onChange={(e) => setEmail(e.target.value)} error={errors.email} />
        <Field label={t('auth.password')} type="password" name="password" autoComplete="current-password" value={password}
          onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <Alert>{errors[formKey]}</Alert>
        <Button type="submit" disabled={busy}>{t('auth.signIn')}</Button>
      </form>
    </section>
  );
}
