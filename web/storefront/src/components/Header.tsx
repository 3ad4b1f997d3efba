import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { Button, LanguageSwitch, useAuth, useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { NotificationBell } from './NotificationBell';
import { SearchBox } from './SearchBox';

const CartCountQuery = graphql(`
  query StorefrontCartCount {
    cart { id itemCount }
  }
`);

function CartLink() {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: CartCountQuery });
  const count = data?.cart?.itemCount ?? 0;
  return <Link to="/cart" aria-label={t('nav.cartWithCount', { count })}>{t('nav.cart')} <span className="sf-badge" aria-hidden="true">{count}</span></Link>;
}

export function Header() {
  const { t } = useI18n();
  const { viewer, signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <header className="gs-header">
      <Link to="/" className="gs-header__brand">GoShop</Link>
      <SearchBox />
      <span className="gs-header__spacer" />
      <nav aria-label={t('nav.label')} className="sf-nav">
        <Link to="/shops/near">{t('nav.shopsNear')}</Link>
        {viewer ? (
          <>
            <CartLink />
            <Link to="/orders">{t('nav.orders')}</Link>
            <NotificationBell />
            <Link to="/account">{viewer.fullName}</Link>
            <Button variant="link" onClick={() => void signOut().then(() => navigate('/'))}>{t('auth.signOut')}</Button>
          </>
        ) : (
          <Link to="/login">{t('auth.signIn')}</Link>
        )}
      </nav>
      <LanguageSwitch />
    </header>
  );
}
