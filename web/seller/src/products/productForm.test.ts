import { describe, expect, it } from 'vitest';
import { toFormErrors } from '../forms/userErrors';
import {
  createProductInput,
  createVariantInput,
  emptyProductForm,
  emptyVariantForm,
  parseDecimal,
  parseWholeNumber,
  remapRows,
  updateProductInput,
} from './productForm';

describe('parseWholeNumber', () => {
  it('reads amounts the way Vietnamese sellers type them', () => {
    expect(parseWholeNumber('150000')).toBe(150000);
    expect(parseWholeNumber('150.000')).toBe(150000);
    expect(parseWholeNumber('1.250.000 ₫')).toBe(1250000);
    expect(parseWholeNumber('150,000')).toBe(150000);
    expect(parseWholeNumber(' 20 000đ ')).toBe(20000);
    expect(parseWholeNumber('-5')).toBe(-5);
  });

  it('refuses what is not a whole number', () => {
    expect(parseWholeNumber('')).toBeNull();
    expect(parseWholeNumber('12.5')).toBeNull();
    expect(parseWholeNumber('abc')).toBeNull();
    expect(parseWholeNumber('1.00.000')).toBeNull();
  });

  it('reads centimetres with a comma or a dot', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('30')).toBe(30);
    expect(parseDecimal('x')).toBeNull();
  });
});

describe('createProductInput', () => {
  const form = {
    ...emptyProductForm,
    title: '  Áo thun cotton ',
    price: '150.000',
    initialStock: '12',
    weightGrams: '300',
    attributes: [
      { name: 'Chất liệu', value: 'Cotton' },
      { name: '', value: '' },
      { name: 'Xuất xứ', value: 'Việt Nam' },
    ],
  };

  it('sends the seller’s figures as numbers, without blank rows and without what was left out', () => {
    const { input, errors, attributeRows } = createProductInput('shop-1', form);
    expect(errors).toEqual([]);
    expect(input).toEqual({
      shopId: 'shop-1',
      title: 'Áo thun cotton',
      description: null,
      categoryId: null,
      brand: null,
      model: null,
      price: 150000,
      initialStock: 12,
      weightGrams: 300,
      lowStockThreshold: 5,
      status: 'ACTIVE',
      attributes: [
        { name: 'Chất liệu', value: 'Cotton' },
        { name: 'Xuất xứ', value: 'Việt Nam' },
      ],
    });
    expect(attributeRows).toEqual([0, 2]);
  });

  it('answers errors shaped like the server’s for figures it cannot send, so they read the same', () => {
    const { input, errors } = createProductInput('shop-1', { ...form, price: '150k', weightGrams: '', lengthCm: '10' });
    expect(input).toBeNull();
    const shown = toFormErrors(errors, ['price', 'weightGrams', 'dimensions'], 'vi');
    expect(shown.fields).toEqual({
      price: ['Giá phải lớn hơn 0, là số đồng chẵn và không quá 10.000.000.000 ₫.'],
      weightGrams: ['Khối lượng từ 1 đến 1.000.000 gram.'],
      dimensions: ['Mỗi cạnh phải lớn hơn 0 và không quá 10.000 cm.'],
    });
  });
});

describe('updateProductInput', () => {
  it('removes a description, brand or model left empty and keeps the category when none is chosen', () => {
    const { input } = updateProductInput('p-1', { ...emptyProductForm, title: 'Áo', weightGrams: '200', lengthCm: '30', widthCm: '20', heightCm: '2,5' });
    expect(input).toMatchObject({ productId: 'p-1', description: '', brand: '', model: '', dimensions: { lengthCm: 30, widthCm: 20, heightCm: 2.5 } });
    expect(input).not.toHaveProperty('categoryId');
    expect(input).not.toHaveProperty('price');
  });
});

describe('remapRows', () => {
  it('puts the server’s error about a row sent on the row the seller sees', () => {
    const errors = [
      { code: 'REQUIRED', field: ['input', 'attributes.1.name'], message: 'Name is required.' },
      { code: 'DUPLICATE_NAME', field: ['input', 'attributes'], message: 'x' },
    ];
    expect(remapRows(errors, 'attributes', [0, 2]).map((e) => e.field)).toEqual([['input', 'attributes.2.name'], ['input', 'attributes']]);
  });
});

describe('createVariantInput', () => {
  it('sends the options filled in and notes where they are on screen', () => {
    const { input, optionRows } = createVariantInput('p-1', {
      ...emptyVariantForm,
      sku: ' AO-DO-XL ',
      price: '175.000',
      options: [
        { name: '', value: '' },
        { name: 'Màu', value: 'Đỏ' },
        { name: 'Size', value: 'XL' },
      ],
    });
    expect(input).toEqual({ productId: 'p-1', sku: 'AO-DO-XL', price: 175000, initialStock: 0, options: [{ name: 'Màu', value: 'Đỏ' }, { name: 'Size', value: 'XL' }] });
    expect(optionRows).toEqual([1, 2]);
  });
});
