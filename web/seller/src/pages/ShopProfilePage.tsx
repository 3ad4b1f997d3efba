/**
 * The shop's public profile (name, description, address and map position, contacts, categories, logo and banner),
 * and opening a shop: a seller without one starts here.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { Alert, Button, Field, Loading, friendlyError, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import { useCurrentShop, useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { useFormMutation } from '../forms/useFormMutation';
import { noFormErrors, toFormErrors, type FormErrors } from '../forms/userErrors';
import { TextAreaField } from '../components/TextAreaField';
import { MediaUpload } from '../components/MediaUpload';

const ShopProfileFields = graphql(`
  fragment ShopProfileFields on Shop {
    id
    name
    slug
    description
    address
    city
    location { lat lng }
    contact { phone email }
    categories
    status
    logo { id url variants { name url } }
    banner { id url variants { name url } }
    ratingAverage
    ratingCount
  }
`);

const ShopProfileQuery = graphql(`
  query SellerShopProfile($id: ID!) {
    shop(id: $id) { id ...ShopProfileFields }
  }
`);

const UpdateShop = graphql(`
  mutation SellerUpdateShop($input: UpdateShopInput!) {
    updateShop(input: $input) { shop { id ...ShopProfileFields } userErrors { code field message } }
  }
`);

const CreateShop = graphql(`
  mutation SellerCreateShop($input: CreateShopInput!) {
    createShop(input: $input) { shop { id name status } userErrors { code field message } }
  }
`);

const MyShopsAgain = graphql(`
  query SellerMyShopsAgain {
    me { id shops { id name status } }
  }
`);

interface ShopFormState {
  name: string;
  description: string;
  address: string;
  city: string;
  lat: string;
  lng: string;
  phone: string;
  email: string;
  categories: string;
}

const emptyShop: ShopFormState = { name: '', description: '', address: '', city: '', lat: '', lng: '', phone: '', email: '', categories: '' };
const shopFields = ['name', 'description', 'address', 'city', 'location', 'phone', 'email', 'categories', 'logoMediaId', 'bannerMediaId'];

/** The map position as numbers, or a userError shaped like the server's when it cannot be read. */
function locationOf(state: ShopFormState) {
  const lat = Number(state.lat.replace(',', '.'));
  const lng = Number(state.lng.replace(',', '.'));
  if (state.lat.trim() === '' || state.lng.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return { location: null, errors: [{ code: 'REQUIRED', field: ['input', 'location'], message: '' }] };
  }
  return { location: { lat, lng }, errors: [] };
}

const categoryList = (text: string) => text.split(',').map((c) => c.trim()).filter(Boolean);

function ShopFields({ state, onChange, errors }: { state: ShopFormState; onChange: (next: ShopFormState) => void; errors: FormErrors }) {
  const { t } = useI18n();
  const set = (key: keyof ShopFormState) => (value: string) => onChange({ ...state, [key]: value });
  const error = (field: string) => errors.fields[field]?.join(' ');
  return (
    <>
      <Field label={t('seller.shop.name')} value={state.name} onChange={(e) => set('name')(e.target.value)} error={error('name')} required />
      <TextAreaField label={t('seller.shop.description')} value={state.description} onChange={set('description')} error={error('description')} rows={4} />
      <Field label={t('seller.shop.address')} value={state.address} onChange={(e) => set('address')(e.target.value)} error={error('address')} required />
      <Field label={t('seller.shop.city')} value={state.city} onChange={(e) => set('city')(e.target.value)} error={error('city')} />
      <fieldset className="seller-fieldset">
        <legend>{t('seller.shop.location')}</legend>
        <div className="gs-row">
          <Field label={t('seller.shop.lat')} inputMode="decimal" value={state.lat} onChange={(e) => set('lat')(e.target.value)} />
          <Field label={t('seller.shop.lng')} inputMode="decimal" value={state.lng} onChange={(e) => set('lng')(e.target.value)} />
        </div>
        <small>{t('seller.shop.locationHint')}</small>
        {error('location') && <p className="gs-field__error" role="alert">{error('location')}</p>}
      </fieldset>
      <div className="gs-row">
        <Field label={t('seller.shop.phone')} type="tel" value={state.phone} onChange={(e) => set('phone')(e.target.value)} error={error('phone')} />
        <Field label={t('seller.shop.email')} type="email" value={state.email} onChange={(e) => set('email')(e.target.value)} error={error('email')} />
      </div>
      <Field label={t('seller.shop.categories')} value={state.categories} onChange={(e) => set('categories')(e.target.value)} error={error('categories')}
        hint={t('seller.shop.categoriesHint')} />
    </>
  );
}

export function NewShopPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('seller.shop.open');
  const navigate = useNavigate();
  const client = useClient();
  const { choose } = useCurrentShop();
  const [state, setState] = useState(emptyShop);
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const create = useFormMutation(CreateShop, shopFields);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const { location, errors } = locationOf(state);
    if (!location) {
      create.reset();
      setLocal(toFormErrors(errors, shopFields, i18n.locale));
      return;
    }
    setLocal(noFormErrors);
    const payload = await create.submit({
      input: {
        name: state.name, description: state.description || null, address: state.address, city: state.city || null, location,
        phone: state.phone || null, email: state.email || null, categories: categoryList(state.categories),
      },
    });
    if (!payload?.shop) return;
    choose(payload.shop.id);
    await client.query(MyShopsAgain, {}, { requestPolicy: 'network-only' }).toPromise();
    navigate('/shop');
  }
  const errors = { fields: { ...create.errors.fields, ...local.fields }, form: [...local.form, ...create.errors.form] };
  return (
    <section aria-labelledby="new-shop-title">
      <h1 id="new-shop-title">{t('seller.shop.open')}</h1>
      <p>{t('seller.shop.openExplain')}</p>
      <form className="gs-card seller-form" onSubmit={submit} noValidate>
        <ShopFields state={state} onChange={setState} errors={errors} />
        <Alert>{errors.form.join(' ')}</Alert>
        <Button type="submit" disabled={create.fetching}>{t('seller.shop.openButton')}</Button>
      </form>
    </section>
  );
}

export function ShopProfilePage() {
  const i18n = useI18n();
  usePageTitle('seller.nav.shop');
  const shopId = useShopId();
  const [{ data, fetching, error }] = useQuery({ query: ShopProfileQuery, variables: { id: shopId } });
  if (fetching && !data) return <Loading />;
  if (!data?.shop) return <Alert>{friendlyError(error, i18n) ?? i18n.t('error.unexpected')}</Alert>;
  return <ShopProfileForm key={shopId} shop={data.shop} />;
}

function ShopProfileForm({ shop: ref }: { shop: FragmentType<typeof ShopProfileFields> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const shop = getFragmentData(ShopProfileFields, ref);
  const [state, setState] = useState<ShopFormState>(() => ({
    name: shop.name,
    description: shop.description ?? '',
    address: shop.address,
    city: shop.city ?? '',
    lat: String(shop.location.lat),
    lng: String(shop.location.lng),
    phone: shop.contact.phone ?? '',
    email: shop.contact.email ?? '',
    categories: shop.categories.join(', '),
  }));
  const [local, setLocal] = useState<FormErrors>(noFormErrors);
  const [saved, setSaved] = useState(false);
  const update = useFormMutation(UpdateShop, shopFields);
  const images = useFormMutation(UpdateShop, shopFields);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const { location, errors } = locationOf(state);
    if (!location) {
      update.reset();
      setLocal(toFormErrors(errors, shopFields, i18n.locale));
      return;
    }
    setLocal(noFormErrors);
    const payload = await update.submit({
      input: {
        shopId: shop.id, name: state.name, description: state.description, address: state.address, city: state.city, location,
        phone: state.phone, email: state.email, categories: categoryList(state.categories),
      },
    });
    if (payload) setSaved(true);
  }
  const errors = { fields: { ...update.errors.fields, ...local.fields }, form: [...local.form, ...update.errors.form] };
  const imageErrors = [...images.errors.form, ...Object.values(images.errors.fields).flat()];
  return (
    <section aria-labelledby="shop-title">
      <h1 id="shop-title">{t('seller.nav.shop')}</h1>
      <p className="gs-muted">
        {t('seller.shop.summary', { slug: shop.slug, status: t(`seller.shopStatus.${shop.status}`), rating: shop.ratingAverage.toFixed(1), count: shop.ratingCount })}
      </p>
      <section className="gs-card seller-section" aria-labelledby="shop-images-title">
        <h2 id="shop-images-title">{t('seller.shop.images')}</h2>
        <div className="gs-row">
          <div>
            {shop.logo && <img src={shop.logo.variants.find((v) => v.name === 'thumbnail')?.url ?? shop.logo.url} alt={t('seller.shop.logo')} width={96} height={96} />}
            <MediaUpload label={t('seller.shop.logoUpload')} multiple={false}
              onUploaded={async (media) => void (await images.submit({ input: { shopId: shop.id, logoMediaId: media.id } }))} />
          </div>
          <div>
            {shop.banner && <img src={shop.banner.variants.find((v) => v.name === 'medium')?.url ?? shop.banner.url} alt={t('seller.shop.banner')} height={96} />}
            <MediaUpload label={t('seller.shop.bannerUpload')} multiple={false}
              onUploaded={async (media) => void (await images.submit({ input: { shopId: shop.id, bannerMediaId: media.id } }))} />
          </div>
        </div>
        <Alert>{imageErrors.join(' ')}</Alert>
      </section>
      <form className="gs-card seller-form" onSubmit={submit} noValidate aria-labelledby="shop-form-title">
        <h2 id="shop-form-title">{t('seller.shop.profile')}</h2>
        <ShopFields state={state} onChange={setState} errors={errors} />
        <Alert>{errors.form.join(' ')}</Alert>
        {saved && <Alert kind="success">{t('seller.saved')}</Alert>}
        <Button type="submit" disabled={update.fetching}>{t('app.save')}</Button>
      </form>
    </section>
  );
}
