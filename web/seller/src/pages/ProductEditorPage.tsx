/**
 * Listing a product and changing it. A new product is listed with its price, opening stock and photos (uploaded
 * first, then added to its gallery); afterwards its details, price, sale, gallery and variants each change on their
 * own, through the mutation that owns them.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Field, Loading, friendlyError, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { useFormMutation } from '../forms/useFormMutation';
import { toFormErrors, type FormErrors, noFormErrors } from '../forms/userErrors';
import { MediaUpload, type UploadedMedia } from '../components/MediaUpload';
import { ProductDetailsFields, productFormFields } from '../products/ProductDetailsForm';
import { createProductInput, emptyProductForm, remapRows, updateProductInput, type ProductFormState } from '../products/productForm';
import { GallerySection, PricingSection, VariantsSection } from '../products/ProductSections';

const CreateProduct = graphql(`
  mutation SellerCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      product { id title status }
      userErrors { code field message }
    }
  }
`);

const AddProductMedia = graphql(`
  mutation SellerAddProductMedia($input: AddProductMediaInput!) {
    addProductMedia(input: $input) {
      product { id media { id url kind variants { name url } } }
      userErrors { code field message }
    }
  }
`);

const ProductEditorQuery = graphql(`
  query SellerProductEditor($id: ID!) {
    product(id: $id) {
      id
      title
      description
      brand { id name }
      model
      category { id name }
      attributes { name value }
      weightGrams
      dimensions { lengthCm widthCm heightCm }
      status
      shop { id }
      inventory { onHand reserved available lowStockThreshold isLowStock }
      ...ProductPricing
      ...ProductGallery
      ...ProductVariants
    }
  }
`);

const UpdateProduct = graphql(`
  mutation SellerUpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      product {
        id title description brand { id name } model category { id name } attributes { name value }
        weightGrams dimensions { lengthCm widthCm heightCm } status
        inventory { onHand reserved available lowStockThreshold isLowStock }
      }
      userErrors { code field message }
    }
  }
`);

const DeleteProduct = graphql(`
  mutation SellerDeleteProduct($input: DeleteProductInput!) {
    deleteProduct(input: $input) { deletedProductId userErrors { code field message } }
  }
`);

export function ProductEditorPage() {
  const { productId } = useParams();
  return productId === undefined || productId === 'new' ? <NewProduct /> : <EditProduct productId={productId} />;
}

function NewProduct() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('seller.products.add');
  const shopId = useShopId();
  const navigate = useNavigate();
  const [state, setState] = useState<ProductFormState>(emptyProductForm);
  const [photos, setPhotos] = useState<UploadedMedia[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const fields = productFormFields(state, ['price', 'initialStock']);
  const create = useFormMutation(CreateProduct, fields);
  const [, addMedia] = useMutation(AddProductMedia);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = createProductInput(shopId, state);
    if (!built.input) {
      create.reset();
      setErrors(toFormErrors(built.errors, fields, i18n.locale));
      return;
    }
    setErrors(noFormErrors);
    setBusy(true);
    try {
      // The server names the n-th row sent; blank rows were not sent.
      const payload = await create.submit({ input: built.input }, undefined, (e) => remapRows(e, 'attributes', built.attributeRows));
      if (!payload?.product) return;
      const productId = payload.product.id;
      // The product is listed; a photo the gallery refuses leaves it without that photo, and the editor says so.
      const refused: string[] = [];
      for (const photo of photos) {
        const added = await addMedia({ input: { productId, mediaId: photo.id } });
        const userErrors = added.data?.addProductMedia.userErrors ?? [];
        if (added.error || userErrors.length > 0) refused.push(photo.id);
      }
      navigate(`/products/${productId}`, { state: { created: true, refusedPhotos: refused.length } });
    } finally {
      setBusy(false);
    }
  }

  const shown = mergeErrors(errors, create.errors);
  return (
    <section aria-labelledby="new-product-title">
      <p><Link to="/products">{t('seller.products.back')}</Link></p>
      <h1 id="new-product-title">{t('seller.products.add')}</h1>
      <form className="gs-card seller-form" onSubmit={submit} noValidate>
        <ProductDetailsFields state={state} onChange={setState} errors={shown} mode="create" />
        <div className="gs-row">
          <Field label={t('seller.productForm.price')} inputMode="numeric" value={state.price} onChange={(e) => setState({ ...state, price: e.target.value })}
            error={shown.fields.price?.join(' ')} hint={t('seller.productForm.priceHint')} required />
          <Field label={t('seller.productForm.initialStock')} inputMode="numeric" value={state.initialStock}
            onChange={(e) => setState({ ...state, initialStock: e.target.value })} error={shown.fields.initialStock?.join(' ')} required />
        </div>
        <fieldset className="seller-fieldset">
          <legend>{t('seller.productForm.photos')}</legend>
          <MediaUpload label={t('seller.media.choose')} onUploaded={(media) => setPhotos((list) => [...list, media])} />
          <ul className="seller-gallery">
            {photos.map((photo, index) => (
              <li key={photo.id}>
                <img src={photo.variants.find((v) => v.name === 'thumbnail')?.url ?? photo.url} alt={t('seller.media.photoNumber', { number: index + 1 })} width={96} height={96} />
                <Button variant="link" onClick={() => setPhotos((list) => list.filter((p) => p.id !== photo.id))}>
                  {t('seller.media.removeNumber', { number: index + 1 })}
                </Button>
              </li>
            ))}
          </ul>
        </fieldset>
        <Alert>{shown.form.join(' ')}</Alert>
        <Button type="submit" disabled={busy || create.fetching}>{t('seller.products.create')}</Button>
      </form>
    </section>
  );
}

/** Errors found before sending, and the server's: the fields' lists joined, the form's too. */
function mergeErrors(a: FormErrors, b: FormErrors): FormErrors {
  const fields: Record<string, string[]> = {};
  for (const source of [a, b]) for (const [key, list] of Object.entries(source.fields)) fields[key] = [...(fields[key] ?? []), ...list];
  return { fields, form: [...a.form, ...b.form] };
}

function EditProduct({ productId }: { productId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('seller.products.edit');
  const location = useLocation();
  const created = (location.state as { created?: boolean; refusedPhotos?: number } | null) ?? null;
  const [{ data, fetching, error }] = useQuery({ query: ProductEditorQuery, variables: { id: productId }, requestPolicy: 'cache-and-network' });
  const product = data?.product;
  if (fetching && !data) return <Loading />;
  if (!product) {
    return (
      <section>
        <Alert>{friendlyError(error, i18n) ?? t('seller.products.notFound')}</Alert>
        <Link to="/products">{t('seller.products.back')}</Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="edit-product-title">
      <p><Link to="/products">{t('seller.products.back')}</Link></p>
      <h1 id="edit-product-title">{product.title}</h1>
      {created?.created && <Alert kind="success">{t('seller.products.created')}</Alert>}
      {created?.refusedPhotos ? <Alert>{t('seller.products.photosRefused', { count: created.refusedPhotos })}</Alert> : null}
      <p className="gs-muted">
        {t('seller.products.stockLine', { onHand: product.inventory.onHand, reserved: product.inventory.reserved, available: product.inventory.available })}{' '}
        <Link to={`/inventory?product=${product.id}`}>{t('seller.products.adjustStock')}</Link>
      </p>
      <GallerySection productId={product.id} product={product} />
      <DetailsSection product={product} />
      <PricingSection product={product} />
      <VariantsSection product={product} />
      <DeleteSection productId={product.id} />
    </section>
  );
}

interface EditableProduct {
  id: string;
  title: string;
  description?: string | null;
  brand?: { name: string } | null;
  model?: string | null;
  category?: { id: string; name: string } | null;
  attributes: { name: string; value: string }[];
  weightGrams: number;
  dimensions?: { lengthCm: number; widthCm: number; heightCm: number } | null;
  status: string;
  inventory: { lowStockThreshold: number };
}

function formOf(product: EditableProduct): ProductFormState {
  return {
    ...emptyProductForm,
    title: product.title,
    description: product.description ?? '',
    categoryId: '',
    brand: product.brand?.name ?? '',
    model: product.model ?? '',
    weightGrams: String(product.weightGrams),
    lowStockThreshold: String(product.inventory.lowStockThreshold),
    status: product.status === 'DRAFT' ? 'DRAFT' : product.status === 'ARCHIVED' ? 'ARCHIVED' : 'ACTIVE',
    attributes: product.attributes.map(({ name, value }) => ({ name, value })),
    lengthCm: product.dimensions ? String(product.dimensions.lengthCm) : '',
    widthCm: product.dimensions ? String(product.dimensions.widthCm) : '',
    heightCm: product.dimensions ? String(product.dimensions.heightCm) : '',
  };
}

function DetailsSection({ product }: { product: EditableProduct }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [state, setState] = useState(() => formOf(product));
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const [saved, setSaved] = useState(false);
  const fields = productFormFields(state);
  const update = useFormMutation(UpdateProduct, fields);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const built = updateProductInput(product.id, state);
    if (!built.input) {
      update.reset();
      setLocal(toFormErrors(built.errors, fields, i18n.locale));
      return;
    }
    setLocal(noFormErrors);
    if (await update.submit({ input: built.input }, undefined, (e) => remapRows(e, 'attributes', built.attributeRows))) setSaved(true);
  }
  const shown = mergeErrors(local, update.errors);
  return (
    <section className="gs-card seller-section" aria-labelledby="details-title">
      <h2 id="details-title">{t('seller.productForm.details')}</h2>
      {product.category && <p className="gs-muted">{t('seller.productForm.currentCategory', { name: product.category.name })}</p>}
      <form className="seller-form" onSubmit={submit} noValidate>
        <ProductDetailsFields state={state} onChange={setState} errors={shown} mode="update" />
        <Alert>{shown.form.join(' ')}</Alert>
        {saved && <Alert kind="success">{t('seller.saved')}</Alert>}
        <Button type="submit" disabled={update.fetching}>{t('app.save')}</Button>
      </form>
    </section>
  );
}

function DeleteSection({ productId }: { productId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const remove = useFormMutation(DeleteProduct, []);
  const [asking, setAsking] = useState(false);
  async function confirm() {
    if (await remove.submit({ input: { productId } })) navigate('/products');
  }
  return (
    <section className="gs-card seller-section" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('seller.products.deleteTitle')}</h2>
      <p className="gs-muted">{t('seller.products.deleteExplain')}</p>
      {asking ? (
        <div className="gs-row">
          <Button onClick={() => void confirm()} disabled={remove.fetching}>{t('seller.products.deleteConfirm')}</Button>
          <Button variant="secondary" onClick={() => setAsking(false)}>{t('app.cancel')}</Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>{t('seller.products.delete')}</Button>
      )}
      <Alert>{remove.errors.form.join(' ')}</Alert>
    </section>
  );
}
