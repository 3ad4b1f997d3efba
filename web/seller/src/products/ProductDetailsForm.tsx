/**
 * The fields of a product that createProduct and updateProduct share, laid out once: the name, description,
 * category, brand and model, weight and size, the low-stock level, its status and its attributes.
 */
import { useQuery } from 'urql';
import { Button, Field, SelectField, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import type { FormErrors } from '../forms/userErrors';
import { TextAreaField } from '../components/TextAreaField';
import type { NameValueRow, ProductFormState } from './productForm';

// Two levels of the tree: a third nests lists three deep, which the gateway prices at 25,681 against its limit of
// 20,000 (two levels: 1,281).
const CategoriesQuery = graphql(`
  query SellerCategories {
    categories {
      id name nameEn
      children { id name nameEn }
    }
  }
`);

interface CategoryNode {
  id: string;
  name: string;
  nameEn?: string | null;
  children?: CategoryNode[];
}

function flatten(nodes: readonly CategoryNode[], depth = 0): { id: string; label: string; depth: number }[] {
  return nodes.flatMap((node) => [{ id: node.id, label: node.name, depth, en: node.nameEn }, ...flatten(node.children ?? [], depth + 1)]);
}

export const productDetailFields = [
  'title', 'description', 'categoryId', 'brand', 'model', 'weightGrams', 'lowStockThreshold', 'status', 'dimensions', 'attributes',
] as const;

/** The form's field names, the rows of attributes included, for toFormErrors. */
export function productFormFields(state: ProductFormState, extra: readonly string[] = []): string[] {
  return [
    ...productDetailFields,
    ...extra,
    ...state.attributes.flatMap((_, index) => [`attributes.${index}.name`, `attributes.${index}.value`]),
  ];
}

export function ProductDetailsFields({ state, onChange, errors, mode }: {
  state: ProductFormState;
  onChange: (next: ProductFormState) => void;
  errors: FormErrors;
  mode: 'create' | 'update';
}) {
  const { t, locale } = useI18n();
  const [{ data }] = useQuery({ query: CategoriesQuery });
  const categories = flatten((data?.categories ?? []) as CategoryNode[]);
  const set = <K extends keyof ProductFormState>(key: K, value: ProductFormState[K]) => onChange({ ...state, [key]: value });
  const error = (field: string) => errors.fields[field]?.join(' ');
  const setRow = (index: number, row: NameValueRow) => set('attributes', state.attributes.map((r, i) => (i === index ? row : r)));
  return (
    <>
      <Field label={t('seller.productForm.title')} value={state.title} onChange={(e) => set('title', e.target.value)} error={error('title')} required />
      <TextAreaField label={t('seller.productForm.description')} value={state.description} onChange={(v) => set('description', v)} error={error('description')} rows={5} />
      <SelectField label={t('seller.productForm.category')} value={state.categoryId} onChange={(e) => set('categoryId', e.target.value)} error={error('categoryId')}>
        <option value="">{mode === 'create' ? t('seller.productForm.noCategory') : t('seller.productForm.keepCategory')}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>{`${'— '.repeat(c.depth)}${locale === 'en' ? (c as { en?: string | null }).en ?? c.label : c.label}`}</option>
        ))}
      </SelectField>
      <div className="gs-row">
        <Field label={t('seller.productForm.brand')} value={state.brand} onChange={(e) => set('brand', e.target.value)} error={error('brand')} />
        <Field label={t('seller.productForm.model')} value={state.model} onChange={(e) => set('model', e.target.value)} error={error('model')} />
      </div>
      <div className="gs-row">
        <Field label={t('seller.productForm.weight')} inputMode="numeric" value={state.weightGrams} onChange={(e) => set('weightGrams', e.target.value)} error={error('weightGrams')} required />
        <Field label={t('seller.productForm.lowStock')} inputMode="numeric" value={state.lowStockThreshold} onChange={(e) => set('lowStockThreshold', e.target.value)}
          error={error('lowStockThreshold')} hint={t('seller.productForm.lowStockHint')} />
        <SelectField label={t('seller.productForm.status')} value={state.status} onChange={(e) => set('status', e.target.value as ProductFormState['status'])} error={error('status')}>
          <option value="ACTIVE">{t('seller.productStatus.ACTIVE')}</option>
          <option value="DRAFT">{t('seller.productStatus.DRAFT')}</option>
          {mode === 'update' && <option value="ARCHIVED">{t('seller.productStatus.ARCHIVED')}</option>}
        </SelectField>
      </div>
      <fieldset className="seller-fieldset" aria-describedby={error('dimensions') ? 'dimensions-error' : undefined}>
        <legend>{t('seller.productForm.dimensions')}</legend>
        <div className="gs-row">
          <Field label={t('seller.productForm.length')} inputMode="decimal" value={state.lengthCm} onChange={(e) => set('lengthCm', e.target.value)} />
          <Field label={t('seller.productForm.width')} inputMode="decimal" value={state.widthCm} onChange={(e) => set('widthCm', e.target.value)} />
          <Field label={t('seller.productForm.height')} inputMode="decimal" value={state.heightCm} onChange={(e) => set('heightCm', e.target.value)} />
        </div>
        {error('dimensions') && <p className="gs-field__error" id="dimensions-error" role="alert">{error('dimensions')}</p>}
      </fieldset>
      <fieldset className="seller-fieldset">
        <legend>{t('seller.productForm.attributes')}</legend>
        {error('attributes') && <p className="gs-field__error" role="alert">{error('attributes')}</p>}
        {state.attributes.map((row, index) => (
          <div className="gs-row" key={index}>
            <Field label={t('seller.productForm.attributeName', { row: index + 1 })} value={row.name}
              onChange={(e) => setRow(index, { ...row, name: e.target.value })} error={error(`attributes.${index}.name`)} />
            <Field label={t('seller.productForm.attributeValue', { row: index + 1 })} value={row.value}
              onChange={(e) => setRow(index, { ...row, value: e.target.value })} error={error(`attributes.${index}.value`)} />
            <Button variant="link" onClick={() => set('attributes', state.attributes.filter((_, i) => i !== index))}>
              {t('seller.productForm.removeRow', { row: index + 1 })}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => set('attributes', [...state.attributes, { name: '', value: '' }])}>
          {t('seller.productForm.addAttribute')}
        </Button>
      </fieldset>
    </>
  );
}
