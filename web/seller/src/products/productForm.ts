/**
 * The product and variant forms as the mutations' inputs. Sellers type money and counts the Vietnamese way
 * ("150.000", "150.000 ₫"), leave rows of attributes half filled, and fill dimensions or not: this turns that into an
 * input, or into userErrors shaped like the server's (so they read the same), for what cannot even be sent.
 * Blank rows are not sent; the rows sent keep a note of where they are on screen, so the server's errors about
 * "attributes.1.name" land on the row the seller sees as row 3.
 */
import type { UserErrorLike } from '../forms/userErrors';

export interface NameValueRow {
  name: string;
  value: string;
}

export interface ProductFormState {
  title: string;
  description: string;
  categoryId: string;
  brand: string;
  model: string;
  price: string;
  initialStock: string;
  weightGrams: string;
  lowStockThreshold: string;
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  attributes: NameValueRow[];
  lengthCm: string;
  widthCm: string;
  heightCm: string;
}

export const emptyProductForm: ProductFormState = {
  title: '',
  description: '',
  categoryId: '',
  brand: '',
  model: '',
  price: '',
  initialStock: '0',
  weightGrams: '',
  lowStockThreshold: '5',
  status: 'ACTIVE',
  attributes: [],
  lengthCm: '',
  widthCm: '',
  heightCm: '',
};

/**
 * A whole number as a seller types it: "150000", "150.000", "150,000", "150 000 ₫", "-5". Dots and commas between
 * groups of three digits are thousands separators (Vietnamese writes 150.000); anything else is not a whole number.
 */
export function parseWholeNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0₫đ]|VND/gi, '');
  if (!/^-?\d{1,3}([.,]?\d{3})*$/.test(compact) && !/^-?\d+$/.test(compact)) return null;
  const value = Number(compact.replace(/[.,]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** A decimal as typed, "12,5" or "12.5" (for centimetres); null when it is not a number. */
export function parseDecimal(text: string): number | null {
  const compact = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** The rows that say something, each with its place on screen. */
function filledRows(rows: readonly NameValueRow[]) {
  return rows
    .map((row, index) => ({ name: row.name.trim(), value: row.value.trim(), index }))
    .filter((row) => row.name !== '' || row.value !== '');
}

/**
 * Moves errors about the n-th row sent onto the row shown on screen: ["input", "attributes.1.name"] or
 * ["input", "attributes", "1", "name"] becomes ["input", "attributes.3.name"] when the second row sent is the fourth shown.
 */
export function remapRows(errors: readonly UserErrorLike[], list: string, shownIndexes: readonly number[]): UserErrorLike[] {
  return errors.map((error) => {
    const parts = (error.field ?? []).flatMap((part) => part.split('.'));
    const at = parts.indexOf(list);
    const sent = at >= 0 ? parts[at + 1] : undefined;
    if (sent === undefined || !/^\d+$/.test(sent)) return error;
    const shown = shownIndexes[Number(sent)];
    if (shown === undefined) return error;
    return { ...error, field: [...parts.slice(0, at), [list, String(shown), ...parts.slice(at + 2)].join('.')] };
  });
}

const fieldError = (code: string, field: string): UserErrorLike => ({ code, field: ['input', field], message: code });

interface Built<Input> {
  /** The input to send; null when errors says why it cannot be sent. */
  readonly input: Input | null;
  readonly errors: UserErrorLike[];
  /** Where each row sent is on screen, for remapRows. */
  readonly attributeRows: number[];
}

export interface ProductDetailsInput {
  title: string;
  description: string | null;
  categoryId: string | null;
  brand: string | null;
  model: string | null;
  weightGrams: number;
  lowStockThreshold: number;
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  attributes: NameValueRow[];
  dimensions: { lengthCm: number; widthCm: number; heightCm: number } | null;
}

/**
 * What createProduct and updateProduct share. For an update, an empty description, brand or model is sent as ""
 * (it removes them); for a new product it is left out.
 */
export function productDetails(state: ProductFormState, mode: 'create' | 'update'): Built<ProductDetailsInput> {
  const errors: UserErrorLike[] = [];
  const weightGrams = parseWholeNumber(state.weightGrams);
  if (weightGrams === null) errors.push(fieldError('OUT_OF_RANGE', 'weightGrams'));
  const lowStockThreshold = parseWholeNumber(state.lowStockThreshold);
  if (lowStockThreshold === null) errors.push(fieldError('OUT_OF_RANGE', 'lowStockThreshold'));
  const sides = [state.lengthCm, state.widthCm, state.heightCm];
  let dimensions: ProductDetailsInput['dimensions'] = null;
  if (sides.some((side) => side.trim() !== '')) {
    const [lengthCm, widthCm, heightCm] = sides.map(parseDecimal);
    if (lengthCm == null || widthCm == null || heightCm == null) errors.push(fieldError('OUT_OF_RANGE', 'dimensions'));
    else dimensions = { lengthCm, widthCm, heightCm };
  }
  const rows = filledRows(state.attributes);
  const optional = (text: string) => (text.trim() === '' ? (mode === 'update' ? '' : null) : text.trim());
  const input: ProductDetailsInput = {
    title: state.title.trim(),
    description: optional(state.description),
    categoryId: state.categoryId || null,
    brand: optional(state.brand),
    model: optional(state.model),
    weightGrams: weightGrams ?? 0,
    lowStockThreshold: lowStockThreshold ?? 0,
    status: state.status,
    attributes: rows.map(({ name, value }) => ({ name, value })),
    dimensions,
  };
  return { input: errors.length > 0 ? null : input, errors, attributeRows: rows.map((row) => row.index) };
}

/** createProduct's input: the details, the shop, the price and the opening stock. */
export function createProductInput(shopId: string, state: ProductFormState) {
  const details = productDetails(state, 'create');
  const errors = [...details.errors];
  const price = parseWholeNumber(state.price);
  if (price === null) errors.push(fieldError('INVALID_PRICE', 'price'));
  const initialStock = parseWholeNumber(state.initialStock);
  if (initialStock === null) errors.push(fieldError('OUT_OF_RANGE', 'initialStock'));
  if (errors.length > 0 || !details.input) return { input: null, errors, attributeRows: details.attributeRows };
  const { dimensions, ...rest } = details.input;
  return {
    input: { ...rest, ...(dimensions ? { dimensions } : {}), shopId, price: price!, initialStock: initialStock! },
    errors,
    attributeRows: details.attributeRows,
  };
}

/** updateProduct's input: every detail, the attributes replacing the old ones; no category leaves it as it is. */
export function updateProductInput(productId: string, state: ProductFormState) {
  const details = productDetails(state, 'update');
  if (!details.input) return { input: null, errors: details.errors, attributeRows: details.attributeRows };
  const { dimensions, categoryId, ...rest } = details.input;
  return {
    input: { ...rest, productId, ...(categoryId ? { categoryId } : {}), ...(dimensions ? { dimensions } : {}) },
    errors: details.errors,
    attributeRows: details.attributeRows,
  };
}

export interface VariantFormState {
  sku: string;
  options: NameValueRow[];
  price: string;
  initialStock: string;
}

export const emptyVariantForm: VariantFormState = { sku: '', options: [{ name: '', value: '' }], price: '', initialStock: '0' };

/** createProductVariant's input, with where each option sent is on screen. */
export function createVariantInput(productId: string, state: VariantFormState) {
  const errors: UserErrorLike[] = [];
  const price = parseWholeNumber(state.price);
  if (price === null) errors.push(fieldError('INVALID_PRICE', 'price'));
  const initialStock = parseWholeNumber(state.initialStock);
  if (initialStock === null) errors.push(fieldError('OUT_OF_RANGE', 'initialStock'));
  const rows = filledRows(state.options);
  const optionRows = rows.map((row) => row.index);
  if (errors.length > 0) return { input: null, errors, optionRows };
  return {
    input: { productId, sku: state.sku.trim(), options: rows.map(({ name, value }) => ({ name, value })), price: price!, initialStock: initialStock! },
    errors,
    optionRows,
  };
}
