/**
 * The parts of a listed product that change through mutations of their own: the gallery (uploadMedia, then
 * addProductMedia / removeProductMedia), the list price and the sale (setProductPrice, setProductDiscount,
 * removeProductDiscount), and the variants (createProductVariant, updateProductVariant, a variant's price).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import { useFormMutation } from '../forms/useFormMutation';
import { toFormErrors, noFormErrors, type FormErrors } from '../forms/userErrors';
import { MediaUpload } from '../components/MediaUpload';
import { createVariantInput, emptyVariantForm, parseWholeNumber, remapRows, type NameValueRow, type VariantFormState } from './productForm';

const ProductGallery = graphql(`
  fragment ProductGallery on Product {
    id
    media { id url kind variants { name url } }
  }
`);

const AddProductMedia = graphql(`
  mutation SellerAddGalleryMedia($input: AddProductMediaInput!) {
    addProductMedia(input: $input) { product { id ...ProductGallery } userErrors { code field message } }
  }
`);

const RemoveProductMedia = graphql(`
  mutation SellerRemoveProductMedia($input: RemoveProductMediaInput!) {
    removeProductMedia(input: $input) { product { id ...ProductGallery } userErrors { code field message } }
  }
`);

const galleryFields = ['mediaId'] as const;

export function GallerySection({ productId, product: ref }: { productId: string; product: FragmentType<typeof ProductGallery> }) {
  const { t } = useI18n();
  const product = getFragmentData(ProductGallery, ref);
  const add = useFormMutation(AddProductMedia, galleryFields);
  const remove = useFormMutation(RemoveProductMedia, galleryFields);
  const errors = [...add.errors.form, ...remove.errors.form, ...(add.errors.fields.mediaId ?? []), ...(remove.errors.fields.mediaId ?? [])];
  return (
    <section className="gs-card seller-section" aria-labelledby="gallery-title">
      <h2 id="gallery-title">{t('seller.productForm.photos')}</h2>
      {product.media.length === 0 && <p className="gs-muted">{t('seller.media.none')}</p>}
      <ul className="seller-gallery" data-testid="product-gallery">
        {product.media.map((media, index) =>
          media ? (
            <li key={media.id}>
              {media.kind === 'VIDEO' ? (
                <video src={media.url} width={96} height={96} aria-label={t('seller.media.videoNumber', { number: index + 1 })} />
              ) : (
                <img src={media.variants.find((v) => v.name === 'thumbnail')?.url ?? media.url} alt={t('seller.media.photoNumber', { number: index + 1 })} width={96} height={96} />
              )}
              <Button variant="link" disabled={remove.fetching} onClick={() => void remove.submit({ input: { productId, mediaId: media.id } })}>
                {t('seller.media.removeNumber', { number: index + 1 })}
              </Button>
            </li>
          ) : null,
        )}
      </ul>
      <MediaUpload label={t('seller.media.add')} onUploaded={async (media) => void (await add.submit({ input: { productId, mediaId: media.id } }))} />
      <Alert>{errors.join(' ')}</Alert>
    </section>
  );
}

const ProductPricing = graphql(`
  fragment ProductPricing on Product {
    id
    price { amount }
    effectivePrice { amount }
    discount { salePrice { amount } startsAt endsAt active percentOff }
  }
`);

const SetPrice = graphql(`
  mutation SellerSetProductPrice($input: SetProductPriceInput!) {
    setProductPrice(input: $input) { product { id ...ProductPricing ...ProductVariants } userErrors { code field message } }
  }
`);

const SetDiscount = graphql(`
  mutation SellerSetProductDiscount($input: SetProductDiscountInput!) {
    setProductDiscount(input: $input) { product { id ...ProductPricing ...ProductVariants } userErrors { code field message } }
  }
`);

const RemoveDiscount = graphql(`
  mutation SellerRemoveProductDiscount($input: RemoveProductDiscountInput!) {
    removeProductDiscount(input: $input) { product { id ...ProductPricing ...ProductVariants } userErrors { code field message } }
  }
`);

const priceFields = ['price'] as const;
const discountFields = ['salePrice', 'startsAt', 'endsAt'] as const;

/** A datetime-local value (the seller's clock) as an instant, or null when empty or unreadable. */
function instantOf(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function PricingSection({ product: ref }: { product: FragmentType<typeof ProductPricing> }) {
  const i18n = useI18n();
  const { t, money, locale } = i18n;
  const product = getFragmentData(ProductPricing, ref);
  const [price, setPrice] = useState(String(product.price.amount));
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const [salePrice, setSalePrice] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const setting = useFormMutation(SetPrice, priceFields);
  const discounting = useFormMutation(SetDiscount, discountFields);
  const removing = useFormMutation(RemoveDiscount, []);

  async function savePrice(event: FormEvent) {
    event.preventDefault();
    const amount = parseWholeNumber(price);
    if (amount === null) {
      setting.reset();
      setLocal(toFormErrors([{ code: 'INVALID_PRICE', field: ['input', 'price'], message: '' }], priceFields, locale));
      return;
    }
    setLocal(noFormErrors);
    await setting.submit({ input: { productId: product.id, price: amount } });
  }

  async function saveDiscount(event: FormEvent) {
    event.preventDefault();
    const amount = parseWholeNumber(salePrice);
    const ends = instantOf(endsAt);
    const problems = [
      ...(amount === null ? [{ code: 'INVALID_PRICE', field: ['input', 'salePrice'], message: '' }] : []),
      ...(ends === null ? [{ code: 'INVALID_DISCOUNT_WINDOW', field: ['input', 'endsAt'], message: '' }] : []),
    ];
    if (problems.length > 0) {
      discounting.reset();
      setLocal(toFormErrors(problems, discountFields, locale));
      return;
    }
    setLocal(noFormErrors);
    await discounting.submit({ input: { productId: product.id, salePrice: amount!, startsAt: instantOf(startsAt), endsAt: ends! } });
  }

  const dateTime = (iso: string) => new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const fieldError = (errors: FormErrors, field: string) => [...(local.fields[field] ?? []), ...(errors.fields[field] ?? [])].join(' ') || undefined;
  return (
    <section className="gs-card seller-section" aria-labelledby="pricing-title">
      <h2 id="pricing-title">{t('seller.pricing.title')}</h2>
      <p>
        {t('seller.pricing.current', { price: money(product.price.amount), effective: money(product.effectivePrice.amount) })}
      </p>
      <form className="seller-inline-form" onSubmit={savePrice} noValidate>
        <Field label={t('seller.pricing.listPrice')} inputMode="numeric" value={price} onChange={(e) => setPrice(e.target.value)} error={fieldError(setting.errors, 'price')} />
        <Alert>{setting.errors.form.join(' ')}</Alert>
        <Button type="submit" variant="secondary" disabled={setting.fetching}>{t('seller.pricing.setPrice')}</Button>
      </form>
      <h3>{t('seller.pricing.sale')}</h3>
      {product.discount ? (
        <p>
          {t(product.discount.active ? 'seller.pricing.saleRunning' : 'seller.pricing.saleScheduled', {
            price: money(product.discount.salePrice.amount),
            percent: product.discount.percentOff,
            from: dateTime(product.discount.startsAt),
            to: dateTime(product.discount.endsAt),
          })}{' '}
          <Button variant="link" disabled={removing.fetching} onClick={() => void removing.submit({ input: { productId: product.id } })}>
            {t('seller.pricing.removeSale')}
          </Button>
        </p>
      ) : (
        <p className="gs-muted">{t('seller.pricing.noSale')}</p>
      )}
      <Alert>{removing.errors.form.join(' ')}</Alert>
      <form className="seller-inline-form" onSubmit={saveDiscount} noValidate>
        <Field label={t('seller.pricing.salePrice')} inputMode="numeric" value={salePrice} onChange={(e) => setSalePrice(e.target.value)} error={fieldError(discounting.errors, 'salePrice')} />
        <Field label={t('seller.pricing.startsAt')} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={fieldError(discounting.errors, 'startsAt')}
          hint={t('seller.pricing.startsAtHint')} />
        <Field label={t('seller.pricing.endsAt')} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} error={fieldError(discounting.errors, 'endsAt')} />
        <Alert>{[...local.form, ...discounting.errors.form].join(' ')}</Alert>
        <Button type="submit" variant="secondary" disabled={discounting.fetching}>{t('seller.pricing.setSale')}</Button>
      </form>
    </section>
  );
}

const ProductVariants = graphql(`
  fragment ProductVariants on Product {
    id
    variants {
      id
      sku
      title
      options { name value }
      price { amount }
      effectivePrice { amount }
      inventory { onHand reserved available isLowStock }
    }
  }
`);

const CreateVariant = graphql(`
  mutation SellerCreateProductVariant($input: CreateProductVariantInput!) {
    createProductVariant(input: $input) { product { id ...ProductVariants } userErrors { code field message } }
  }
`);

const UpdateVariant = graphql(`
  mutation SellerUpdateProductVariant($input: UpdateProductVariantInput!) {
    updateProductVariant(input: $input) { product { id ...ProductVariants } userErrors { code field message } }
  }
`);

const SetVariantPrice = graphql(`
  mutation SellerSetVariantPrice($input: SetProductPriceInput!) {
    setProductPrice(input: $input) { product { id ...ProductVariants } userErrors { code field message } }
  }
`);

export function VariantsSection({ product: ref }: { product: FragmentType<typeof ProductVariants> }) {
  const { t, money } = useI18n();
  const product = getFragmentData(ProductVariants, ref);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="gs-card seller-section" aria-labelledby="variants-title">
      <h2 id="variants-title">{t('seller.variants.title')}</h2>
      {product.variants.length === 0 ? (
        <p className="gs-muted">{t('seller.variants.none')}</p>
      ) : (
        <table className="seller-table">
          <thead>
            <tr>
              <th scope="col">{t('seller.variants.sku')}</th>
              <th scope="col">{t('seller.variants.options')}</th>
              <th scope="col">{t('seller.products.price')}</th>
              <th scope="col">{t('seller.products.available')}</th>
              <th scope="col"><span className="gs-visually-hidden">{t('seller.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {product.variants.map((variant) => (
              <tr key={variant.id}>
                <td>{variant.sku}</td>
                <td>{variant.title}</td>
                <td>{money(variant.effectivePrice.amount)}</td>
                <td>
                  {variant.inventory.available}
                  {variant.inventory.isLowStock && <span className="seller-badge seller-badge--low"> {t('seller.inventory.low')}</span>}
                </td>
                <td>
                  <Button variant="link" onClick={() => setEditing(editing === variant.id ? null : variant.id)} aria-expanded={editing === variant.id}>
                    {t('seller.variants.editNamed', { sku: variant.sku })}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {product.variants.filter((v) => v.id === editing).map((variant) => (
        <EditVariant key={variant.id} productId={product.id} variant={variant} onDone={() => setEditing(null)} />
      ))}
      <NewVariant productId={product.id} />
    </section>
  );
}

function optionFields(options: readonly NameValueRow[]): string[] {
  return ['sku', 'options', 'price', 'initialStock', ...options.flatMap((_, i) => [`options.${i}.name`, `options.${i}.value`])];
}

function OptionRows({ options, onChange, errors }: { options: NameValueRow[]; onChange: (rows: NameValueRow[]) => void; errors: FormErrors }) {
  const { t } = useI18n();
  return (
    <fieldset className="seller-fieldset">
      <legend>{t('seller.variants.options')}</legend>
      {errors.fields.options && <p className="gs-field__error" role="alert">{errors.fields.options.join(' ')}</p>}
      {options.map((row, index) => (
        <div className="gs-row" key={index}>
          <Field label={t('seller.variants.optionName', { row: index + 1 })} value={row.name} placeholder={t('seller.variants.optionNameExample')}
            onChange={(e) => onChange(options.map((r, i) => (i === index ? { ...r, name: e.target.value } : r)))} error={errors.fields[`options.${index}.name`]?.join(' ')} />
          <Field label={t('seller.variants.optionValue', { row: index + 1 })} value={row.value} placeholder={t('seller.variants.optionValueExample')}
            onChange={(e) => onChange(options.map((r, i) => (i === index ? { ...r, value: e.target.value } : r)))} error={errors.fields[`options.${index}.value`]?.join(' ')} />
          {options.length > 1 && (
            <Button variant="link" onClick={() => onChange(options.filter((_, i) => i !== index))}>{t('seller.productForm.removeRow', { row: index + 1 })}</Button>
          )}
        </div>
      ))}
      {options.length < 5 && (
        <Button variant="secondary" onClick={() => onChange([...options, { name: '', value: '' }])}>{t('seller.variants.addOption')}</Button>
      )}
    </fieldset>
  );
}

function NewVariant({ productId }: { productId: string }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<VariantFormState>(emptyVariantForm);
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const fields = optionFields(state.options);
  const create = useFormMutation(CreateVariant, fields);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = createVariantInput(productId, state);
    if (!built.input) {
      create.reset();
      setLocal(toFormErrors(built.errors, fields, locale));
      return;
    }
    setLocal(noFormErrors);
    if (await create.submit({ input: built.input }, undefined, (e) => remapRows(e, 'options', built.optionRows))) setState(emptyVariantForm);
  }
  const errors: FormErrors = {
    fields: Object.fromEntries([...new Set([...Object.keys(local.fields), ...Object.keys(create.errors.fields)])].map((k) => [k, [...(local.fields[k] ?? []), ...(create.errors.fields[k] ?? [])]])),
    form: [...local.form, ...create.errors.form],
  };
  return (
    <form className="seller-form seller-subform" onSubmit={submit} aria-labelledby="new-variant-title" noValidate>
      <h3 id="new-variant-title">{t('seller.variants.add')}</h3>
      <Field label={t('seller.variants.sku')} value={state.sku} onChange={(e) => setState({ ...state, sku: e.target.value })} error={errors.fields.sku?.join(' ')} />
      <OptionRows options={state.options} onChange={(options) => setState({ ...state, options })} errors={errors} />
      <div className="gs-row">
        <Field label={t('seller.productForm.price')} inputMode="numeric" value={state.price} onChange={(e) => setState({ ...state, price: e.target.value })} error={errors.fields.price?.join(' ')} />
        <Field label={t('seller.productForm.initialStock')} inputMode="numeric" value={state.initialStock} onChange={(e) => setState({ ...state, initialStock: e.target.value })}
          error={errors.fields.initialStock?.join(' ')} />
      </div>
      <Alert>{errors.form.join(' ')}</Alert>
      <Button type="submit" variant="secondary" disabled={create.fetching}>{t('seller.variants.create')}</Button>
    </form>
  );
}

interface VariantRow {
  id: string;
  sku: string;
  options: NameValueRow[];
  price: { amount: number };
}

function EditVariant({ productId, variant, onDone }: { productId: string; variant: VariantRow; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [sku, setSku] = useState(variant.sku);
  const [options, setOptions] = useState<NameValueRow[]>(variant.options.map(({ name, value }) => ({ name, value })));
  const [price, setPrice] = useState(String(variant.price.amount));
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const fields = optionFields(options);
  const update = useFormMutation(UpdateVariant, fields);
  const pricing = useFormMutation(SetVariantPrice, ['price']);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = parseWholeNumber(price);
    if (amount === null) {
      setLocal(toFormErrors([{ code: 'INVALID_PRICE', field: ['input', 'price'], message: '' }], ['price'], locale));
      return;
    }
    setLocal(noFormErrors);
    const rows = options.map((row, index) => ({ ...row, index })).filter((row) => row.name.trim() || row.value.trim());
    const updated = await update.submit(
      { input: { variantId: variant.id, sku: sku.trim(), options: rows.map(({ name, value }) => ({ name: name.trim(), value: value.trim() })) } },
      undefined,
      (e) => remapRows(e, 'options', rows.map((row) => row.index)),
    );
    if (!updated) return;
    if (amount !== variant.price.amount && !(await pricing.submit({ input: { productId, variantId: variant.id, price: amount } }))) return;
    onDone();
  }
  const priceError = [...(local.fields.price ?? []), ...(pricing.errors.fields.price ?? [])].join(' ') || undefined;
  return (
    <form className="seller-form seller-subform" onSubmit={submit} aria-labelledby={`edit-variant-${variant.id}`} noValidate>
      <h3 id={`edit-variant-${variant.id}`}>{t('seller.variants.editNamed', { sku: variant.sku })}</h3>
      <Field label={t('seller.variants.sku')} value={sku} onChange={(e) => setSku(e.target.value)} error={update.errors.fields.sku?.join(' ')} />
      <OptionRows options={options} onChange={setOptions} errors={update.errors} />
      <Field label={t('seller.productForm.price')} inputMode="numeric" value={price} onChange={(e) => setPrice(e.target.value)} error={priceError} />
      <Alert>{[...update.errors.form, ...pricing.errors.form].join(' ')}</Alert>
      <div className="gs-row">
        <Button type="submit" disabled={update.fetching || pricing.fetching}>{t('app.save')}</Button>
        <Button variant="secondary" onClick={onDone}>{t('app.cancel')}</Button>
      </div>
    </form>
  );
}
