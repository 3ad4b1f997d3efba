import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';

describe('formatMoney', () => {
  it('writes dong the way Vietnamese shoppers read them: dots between thousands, the sign after', () => {
    // Intl puts a no-break space before the sign, so a price never wraps between number and ₫.
    expect(formatMoney(123000)).toBe('123.000\u00a0₫');
    expect(formatMoney(25990000, 'VND', 'vi')).toBe('25.990.000\u00a0₫');
  });

  it('shows no decimals for dong, which have no minor unit', () => {
    expect(formatMoney(1999.6)).toBe('2.000\u00a0₫');
  });

  it('writes English prices with the sign first and commas', () => {
    expect(formatMoney(123000, 'VND', 'en')).toBe('₫123,000');
  });
});
