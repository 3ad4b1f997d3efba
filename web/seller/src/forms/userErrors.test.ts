import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorMessages } from './errorMessages';
import { describeRequestError, describeUserError, fieldOf, toFormErrors } from './userErrors';
import supergraph from '../../../../schema/supergraph.graphql?raw';

const productFields = ['title', 'price', 'initialStock', 'weightGrams', 'attributes', 'attributes.name', 'attributes.value', 'dimensions'];

describe('fieldOf', () => {
  it('drops the input prefix and finds the form field', () => {
    expect(fieldOf(['input', 'price'], productFields)).toBe('price');
  });

  it('keeps the row of a list field when the form shows it, and the list otherwise', () => {
    expect(fieldOf(['input', 'attributes.2.name'], [...productFields, 'attributes.2.name'])).toBe('attributes.2.name');
    expect(fieldOf(['input', 'attributes', '2', 'name'], ['attributes'])).toBe('attributes');
  });

  it('answers null for a field the form does not show, and for no field', () => {
    expect(fieldOf(['input', 'shopId'], productFields)).toBeNull();
    expect(fieldOf(null, productFields)).toBeNull();
    expect(fieldOf([], productFields)).toBeNull();
  });
});

describe('toFormErrors', () => {
  it('puts each error next to its field and the others above the form, in Vietnamese', () => {
    const errors = toFormErrors(
      [
        { code: 'TOO_LONG', field: ['input', 'title'], message: 'Title must be at most 200 characters.' },
        { code: 'INVALID_PRICE', field: ['input', 'price'], message: 'The price must be greater than zero.' },
        { code: 'SHOP_NOT_ACTIVE', field: ['input', 'shopId'], message: 'The shop is suspended or closed.' },
      ],
      productFields,
      'vi',
    );
    expect(errors.fields).toEqual({
      title: ['Tên sản phẩm dài tối đa 200 ký tự.'],
      price: ['Giá phải lớn hơn 0, là số đồng chẵn và không quá 10.000.000.000 ₫.'],
    });
    expect(errors.form).toEqual(['Cửa hàng đang bị tạm khóa hoặc đã đóng nên chưa thể thay đổi sản phẩm.']);
  });

  it('names the row of a list entry in the sentence when the code has no sentence of its own for the field', () => {
    const errors = toFormErrors(
      [{ code: 'REQUIRED', field: ['input', 'attributes.1.value'], message: 'Value is required.' }],
      [...productFields, 'attributes.1.value'],
      'en',
    );
    expect(errors.fields).toEqual({ 'attributes.1.value': ['Please fill in attribute value (row 2).'] });
  });

  it('shows one sentence once even when several errors say it', () => {
    const error = { code: 'DUPLICATE_NAME', field: ['input', 'attributes'], message: 'x' };
    expect(toFormErrors([error, error], productFields, 'vi').fields.attributes).toEqual(['Mỗi thuộc tính cần một tên khác nhau.']);
  });

  it('never shows a code it does not know: the sentence names the field instead', () => {
    const text = describeUserError({ code: 'SOMETHING_NEW', field: ['input', 'price'], message: 'x' }, 'price', 'vi');
    expect(text).toBe('Giá chưa hợp lệ, vui lòng kiểm tra lại.');
    expect(text).not.toContain('SOMETHING_NEW');
  });
});

/**
 * Every mutation the seller centre sends, read from its GraphQL documents, and every code its description in the
 * supergraph lists: each must read as a sentence of the table, in both languages, so no form ever shows a raw code.
 */
describe('the error table', () => {
  // Every source of the seller centre but its tests and the generated code, as text.
  const sources = Object.entries(import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.*', '!../gql/**'], { query: '?raw', import: 'default', eager: true }))
    .map(([, text]) => text);

  const sentMutations = new Set(
    sources.flatMap((text) => [...text.matchAll(/mutation\s+\w*\s*(?:\([^)]*\))?\s*\{\s*(\w+)\s*\(/g)].map((match) => match[1]!)),
  );

  const mutations = buildSchema(supergraph, { assumeValidSDL: true }).getMutationType()!.getFields();
  const codesOf = (mutation: string): string[] =>
    /userErrors: ([A-Z_, ]+)\./.exec(mutations[mutation]?.description ?? '')?.[1]!.split(',').map((code) => code.trim()) ?? [];

  it('finds the seller centre’s mutations, and the codes the schema lists for each', () => {
    expect([...sentMutations]).toEqual(expect.arrayContaining(['createProduct', 'confirmOrder', 'uploadMedia']));
    expect([...sentMutations].filter((mutation) => codesOf(mutation).length === 0)).toEqual([]);
  });

  for (const locale of ['vi', 'en'] as const) {
    it(`has a ${locale} sentence for every code of those mutations`, () => {
      const missing = [...sentMutations].flatMap((mutation) =>
        codesOf(mutation)
          .filter((code) => errorMessages[locale].byCode[code] === undefined)
          .map((code) => `${mutation}: ${code}`),
      );
      expect(missing).toEqual([]);
    });
  }
});

describe('describeRequestError', () => {
  it('says why a request failed, by its GraphQL error code', () => {
    expect(describeRequestError({ graphQLErrors: [{ extensions: { code: 'UNAUTHENTICATED' } }] }, 'en')).toBe('Your session has ended; please sign in again.');
    expect(describeRequestError({ graphQLErrors: [{ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }, 'vi')).toBe(
      'Một phần của GoShop đang bận; vui lòng thử lại sau ít phút.',
    );
    expect(describeRequestError({ networkError: new TypeError('Failed to fetch'), graphQLErrors: [] }, 'en')).toBe(
      'GoShop cannot be reached; please check your connection and try again.',
    );
    expect(describeRequestError({ graphQLErrors: [{}] }, 'vi')).toBe('Đã có lỗi xảy ra; vui lòng thử lại.');
  });
});
