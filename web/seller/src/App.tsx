// The seller centre's shell: sign-in, the header, and the seller's shops. Its pages are built on this.
import { useEffect } from 'react';
import { Link, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { Alert, Button, LanguageSwitch, Loading, LoginPage, friendlyError, useAuth, useI18n } from '@goshop/shared';
import { graphql } from './gql';

const MyShopsQuery = graphql(`
  query SellerMyShops {
    me { id shops { id name } }
  }
`);

function Header() {
  const { t } = useI18n();
  const { viewer, signOut } = useAuth();
  return (
    <header className="gs-header">
      <Link to="/" className="gs-header__brand">GoShop · {t('seller.title')}</Link>
      <span className="gs-header__spacer" />
      <LanguageSwitch />
      {viewer && <span>{t('auth.signedInAs', { name: viewer.fullName })}</span>}
      {viewer && <Button variant="link" onClick={() => void signOut()}>{t('auth.signOut')}</Button>}
    </header>
  );
}

function Home() {
  const i18n = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyShopsQuery });
  useEffect(() => {
    document.title = i18n.t('seller.title');
  }, [i18n]);
  if (fetching && !data) return <Loading />;
  return (
    <section>
      <h1>{i18n.t('seller.myShops')}</h1>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {(data?.me?.shops?.length ?? 0) === 0 && <p>{i18n.t('seller.noShops')}</p>}
      <ul>{data?.me?.shops?.map((shop) => <li key={shop.id}>{shop.name}</li>)}</ul>
    </section>
  );
}

function Login() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <LoginPage title={t('seller.signInTitle')} onSignedIn={() => navigate('/')} />;
}

export function App() {
  const { viewer, loading } = useAuth();
  const { t } = useI18n();
  return (
    <>
      <a className="gs-skip" href="#main">{t('app.skipToContent')}</a>
      <Header />
      <main id="main" className="gs-main">
        {loading ? <Loading /> : (
          <Routes>
            <Route path="/login" element={viewer ? <Navigate to="/" replace /> : <Login />} />
            <Route path="/" element={viewer ? <Home /> : <Navigate to="/login" replace />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        )}
      </main>
    </>
  );
}
