import type { PaymentGateway, PaymentMethod } from './gql/graphql';

/** The ways to pay the checkout offers: cash on delivery, or a provider and a method it takes. */
export interface PaymentChoice {
  id: string;
  method: PaymentMethod;
  gateway?: PaymentGateway;
}

export const paymentChoices: readonly PaymentChoice[] = [
  { id: 'COD', method: 'COD' },
  { id: 'VNPAY_BANK', method: 'BANK_TRANSFER', gateway: 'VNPAY' },
  { id: 'VNPAY_CARD', method: 'CARD', gateway: 'VNPAY' },
  { id: 'MOMO', method: 'E_WALLET', gateway: 'MOMO' },
  { id: 'STRIPE', method: 'CARD', gateway: 'STRIPE' },
  { id: 'PAYPAL', method: 'E_WALLET', gateway: 'PAYPAL' },
];
