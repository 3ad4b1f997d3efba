import { useEffect } from 'react';
import { useI18n } from '@goshop/shared';

/** Sets the tab's title (a translation key, or a text such as a product's title) with the shop's name after it. */
export function usePageTitle(keyOrText: string | null | undefined, literal = false) {
  const { t } = useI18n();
  const text = keyOrText ? (literal ? keyOrText : t(keyOrText)) : null;
  useEffect(() => {
    document.title = text ? `${text} | GoShop` : 'GoShop';
  }, [text]);
}
