import { useEffect } from 'react';
import { useI18n } from '@goshop/shared';

/** Sets the tab's title from a translation key, with the seller centre's name after it. */
export function usePageTitle(key: string) {
  const { t } = useI18n();
  const text = t(key);
  const app = t('seller.title');
  useEffect(() => {
    document.title = `${text} | ${app}`;
  }, [text, app]);
}
