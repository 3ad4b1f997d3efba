import type { Catalog } from '@goshop/shared';

export const sellerMessages: Catalog = {
  vi: {
    'seller.title': 'Kênh Người Bán',
    'seller.signInTitle': 'Đăng nhập Kênh Người Bán',
    'seller.myShops': 'Shop của tôi',
    'seller.noShops': 'Bạn chưa có shop nào.',
  },
  en: {
    'seller.title': 'Seller Centre',
    'seller.signInTitle': 'Sign in to the Seller Centre',
    'seller.myShops': 'My shops',
    'seller.noShops': 'You have no shop yet.',
  },
};
