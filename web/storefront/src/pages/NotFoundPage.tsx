import { Link } from 'react-router-dom';
import { useI18n } from '@goshop/shared';
import { usePageTitle } from '../usePageTitle';

export default function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle('error.notFound');
  return (
    <section>
      <h1>{t('error.notFound')}</h1>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}
