// Turning what the API answers into words for people: userErrors next to the form field they name, GraphQL errors
// (network, sign-in, faults) as one friendly sentence. A code without words of its own shows the server's sentence
// inside a polite frame; never the bare code, never an empty page.
import type { CombinedError } from 'urql';
import type { I18n } from '../i18n/I18n';

export interface UserErrorLike {
  code: string;
  field?: readonly string[] | null;
  message: string;
}

/** Form-level messages (no field, or a field the form does not show) go under this key. */
export const formKey = '_form';

export function userErrorText(error: UserErrorLike, i18n: Pick<I18n, 't' | 'has'>): string {
  const key = `code.${error.code}`;
  return i18n.has(key) ? i18n.t(key) : i18n.t('error.generic', { message: error.message });
}

/**
 * Messages by field name (the last segment of `field`, so ["input", "email"] and ["email"] both land on "email");
 * errors on fields the form does not have go to `formKey`, so nothing is lost.
 */
export function fieldMessages(errors: readonly UserErrorLike[] | null | undefined, i18n: Pick<I18n, 't' | 'has'>,
  formFields: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors ?? []) {
    const last = error.field?.[error.field.length - 1];
    const key = last && formFields.includes(last) ? last : formKey;
    const text = userErrorText(error, i18n);
    out[key] = out[key] ? `${out[key]} ${text}` : text;
  }
  return out;
}

export function friendlyError(error: CombinedError | Error | null | undefined, i18n: Pick<I18n, 't'>): string | null {
  if (!error) return null;
  if ('networkError' in error && error.networkError) return i18n.t('error.network');
  const codes = 'graphQLErrors' in error ? error.graphQLErrors.map((e) => e.extensions?.code) : [];
  if (codes.includes('UNAUTHENTICATED')) return i18n.t('error.unauthenticated');
  if (codes.includes('FORBIDDEN')) return i18n.t('error.forbidden');
  return i18n.t('error.unexpected');
}
