// The storefront's routes. Every page but the home page is its own chunk (route-level code splitting), so the first
// route ships only what it shows.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import { Loading, LoginPage, useAuth, useI18n } from '@goshop/shared';
import { Header } from './components/Header';
import { HomePage } from './pages/HomePage';
import { usePageTitle } from './usePageTitle';

const SearchPage = lazy(() => import('./pages/SearchPage'));
const ProductPage = lazy(() => import('./pages/ProductPage'));
const CartPage = lazy(() => import('./pages/CartPage'));
const CheckoutPage = lazy(() => import('./pages/CheckoutPage'));
const PaymentReturnPage = lazy(() => import('./pages/PaymentReturnPage'));
const OrdersPage = lazy(() => import('./pages/OrdersPage'));
const OrderPage = lazy(() => import('./pages/OrderPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const ShopsNearPage = lazy(() => import('./pages/ShopsNearPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle('auth.signIn');
  return <LoginPage onSignedIn={() => navigate(params.get('next') ?? '/', { replace: true })} />;
}

/** Pages of the signed-in: a guest goes to sign in, and comes back after. */
function SignedIn({ children }: { children: React.ReactNode }) {
  const { viewer, loading } = useAuth();
  if (loading) return <Loading />;
  if (!viewer) return <Navigate to={`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`} replace />;
  return <>{children}</>;
}

export function App() {
  const { t } = useI18n();
  return (
    <>
      <a className="gs-skip" href="#main">{t('app.skipToContent')}</a>
      <Header />
      <main id="main" className="gs-main">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/login" element={<Login />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/products/:id" element={<ProductPage />} />
            <Route path="/cart" element={<SignedIn><CartPage /></SignedIn>} />
            <Route path="/checkout" element={<SignedIn><CheckoutPage /></SignedIn>} />
            <Route path="/payments/:id/return" element={<SignedIn><PaymentReturnPage /></SignedIn>} />
            <Route path="/shops/near" element={<ShopsNearPage />} />
            <Route path="/orders" element={<SignedIn><OrdersPage /></SignedIn>} />
            <Route path="/orders/:id" element={<SignedIn><OrderPage /></SignedIn>} />
            <Route path="/notifications" element={<SignedIn><NotificationsPage /></SignedIn>} />
            <Route path="/account" element={<SignedIn><AccountPage /></SignedIn>} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
