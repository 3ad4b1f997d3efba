import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { createI18n } from '../i18n/I18n';
import { fieldMessages, formKey, friendlyError } from './errors';

const vi = createI18n('vi', () => undefined);
const en = createI18n('en', () => undefined);

describe('fieldMessages', () => {
  it('puts each userError beside the field its path ends with, in the shopper\'s words', () => {
    const messages = fieldMessages([
      { code: 'INVALID_EMAIL', field: ['input', 'email'], message: 'The email is not valid.' },
      { code: 'WEAK_PASSWORD', field: ['password'], message: 'Too weak.' },
    ], vi, ['email', 'password']);

    expect(messages).toEqual({ email: 'Email không hợp lệ.', password: expect.stringContaining('Mật khẩu quá yếu') });
  });

  it('puts errors without a field, or on a field the form lacks, at the form level', () => {
    const messages = fieldMessages([
      { code: 'OUT_OF_STOCK', field: null, message: 'Only 2 left.' },
      { code: 'COUPON_EXPIRED', field: ['input', 'couponCode'], message: 'Expired.' },
    ], en, ['quantity']);

    expect(messages[formKey]).toBe('Not enough in stock. This coupon has expired.');
  });

  it('never shows a bare code: an unknown one is framed around the server\'s sentence', () => {
    const messages = fieldMessages([{ code: 'SOMETHING_NEW', field: ['input', 'note'], message: 'The note is odd.' }], en, ['note']);

    expect(messages.note).toBe('That did not work: The note is odd.');
    expect(messages.note).not.toContain('SOMETHING_NEW');
  });
});

describe('friendlyError', () => {
  it('tells a network failure from a sign-in problem from a fault', () => {
    expect(friendlyError(new CombinedError({ networkError: new Error('offline') }), vi)).toBe(vi.t('error.network'));
    expect(friendlyError(new CombinedError({ graphQLErrors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }), en))
      .toBe('Please sign in to continue.');
    expect(friendlyError(new CombinedError({ graphQLErrors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }), en))
      .toBe('Something went wrong. Please try again in a few minutes.');
    expect(friendlyError(null, en)).toBeNull();
  });
});
