// The seller centre's shell: sign-in, the header with the seller's shops, the navigation, and the pages. A seller
// without a shop yet starts by opening one.
import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { NavLink, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, LanguageSwitch, Loading, LoginPage, friendlyError, useAuth, useI18n } from '@goshop/shared';
import { graphql } from './gql';
import { CurrentShopProvider, useOptionalCurrentShop } from './shell/CurrentShop';
import { FinancePage } from './pages/FinancePage';
import { InventoryPage } from './pages/InventoryPage';
import { OrdersPage } from './pages/OrdersPage';
import { ProductEditorPage } from './pages/ProductEditorPage';
import { ProductsPage } from './pages/ProductsPage';
import { ReturnsPage } from './pages/ReturnsPage';
import { ReviewsPage } from './pages/ReviewsPage';
import { NewShopPage, ShopProfilePage } from './pages/ShopProfilePage';
import './seller.css';

// The dashboard carries the chart library: its own chunk, loaded when the seller opens it.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((module) => ({ default: module.DashboardPage })));

const MyShopsQuery = graphql(`
  query SellerMyShops {
    me { id shops { id name status } }
  }
`);

function Header() {
  const { t } = useI18n();
  const { viewer, signOut } = useAuth();
  return (
    <header className="gs-header">
      <NavLink to="/" className="gs-header__brand">GoShop · {t('seller.title')}</NavLink>
      <span className="gs-header__spacer" />
      {viewer && <ShopSwitch />}
      <LanguageSwitch />
      {viewer && <span>{t('auth.signedInAs', { name: viewer.fullName })}</span>}
      {viewer && <Button variant="link" onClick={() => void signOut()}>{t('auth.signOut')}</Button>}
    </header>
  );
}

function ShopSwitch() {
  const { t } = useI18n();
  const current = useOptionalCurrentShop();
  if (!current || current.shops.length < 2) return current?.shop ? <span className="seller-shop-name">{current.shop.name}</span> : null;
  return (
    <label className="seller-shop-switch">
      <span className="gs-visually-hidden">{t('seller.shop.switch')}</span>
      <select value={current.shop?.id ?? ''} onChange={(e) => current.choose(e.target.value)}>
        {current.shops.map((shop) => <option key={shop.id} value={shop.id}>{shop.name}</option>)}
      </select>
    </label>
  );
}

const navigation = [
  ['/', 'seller.nav.dashboard'],
  ['/orders', 'seller.nav.orders'],
  ['/products', 'seller.nav.products'],
  ['/inventory', 'seller.nav.inventory'],
  ['/returns', 'seller.nav.returns'],
  ['/reviews', 'seller.nav.reviews'],
  ['/finance', 'seller.nav.finance'],
  ['/shop', 'seller.nav.shop'],
] as const;

function Navigation() {
  const { t } = useI18n();
  return (
    <nav className="seller-nav" aria-label={t('seller.nav.label')}>
      <ul>
        {navigation.map(([to, key]) => (
          <li key={to}><NavLink to={to} end={to === '/'}>{t(key)}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}

/** The skip link, the header and the page's main region. */
function Frame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="gs-skip" href="#main">{t('app.skipToContent')}</a>
      <Header />
      <main id="main" className="gs-main">{children}</main>
    </>
  );
}

/** The pages of a signed-in seller, once their shops are known. */
function SignedIn() {
  const i18n = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyShopsQuery });
  if (fetching && !data) return <Frame><Loading /></Frame>;
  if (!data?.me) return <Frame><Alert>{friendlyError(error, i18n) ?? i18n.t('error.unexpected')}</Alert></Frame>;
  const shops = data.me.shops ?? [];
  return (
    <CurrentShopProvider shops={shops}>
      <Frame>
        {shops.length === 0 ? (
          <Routes>
            <Route path="*" element={<NewShopPage />} />
          </Routes>
        ) : (
          <div className="seller-layout">
            <Navigation />
            <div className="seller-content">
              <Suspense fallback={<Loading />}>
                <Routes>
                  <Route path="/" element={<DashboardPage />} />
                  <Route path="/orders" element={<OrdersPage />} />
                  <Route path="/products" element={<ProductsPage />} />
                  <Route path="/products/:productId" element={<ProductEditorPage />} />
                  <Route path="/inventory" element={<InventoryPage />} />
                  <Route path="/returns" element={<ReturnsPage />} />
                  <Route path="/reviews" element={<ReviewsPage />} />
                  <Route path="/finance" element={<FinancePage />} />
                  <Route path="/shop" element={<ShopProfilePage />} />
                  <Route path="/shop/new" element={<NewShopPage />} />
                  <Route path="*" element={<Navigate to="/" replace />} />
                </Routes>
              </Suspense>
            </div>
          </div>
        )}
      </Frame>
    </CurrentShopProvider>
  );
}

function Login() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = t('seller.signInTitle');
  }, [t]);
  return <LoginPage title={t('seller.signInTitle')} onSignedIn={() => navigate('/')} />;
}

export function App() {
  const { viewer, loading } = useAuth();
  if (loading) return <Frame><Loading /></Frame>;
  if (!viewer) {
    return (
      <Frame>
        <Routes>
          <Route path="/login" element={<Login />} />
          <Route path="*" element={<Navigate to="/login" replace />} />
        </Routes>
      </Frame>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<Navigate to="/" replace />} />
      <Route path="*" element={<SignedIn />} />
    </Routes>
  );
}
