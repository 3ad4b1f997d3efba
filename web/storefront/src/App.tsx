// The storefront's routes. Every page but the home page is its own chunk (route-level code splitting), so the first
// route ships only what it shows.
import { lazy, Suspense } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import { Loading, LoginPage, useI18n } from '@goshop/shared';
import { Header } from './components/Header';
import { HomePage } from './pages/HomePage';
import { usePageTitle } from './usePageTitle';

const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle('auth.signIn');
  return <LoginPage onSignedIn={() => navigate(params.get('next') ?? '/', { replace: true })} />;
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
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
