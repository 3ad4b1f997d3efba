import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import supergraph from '../../../schema/supergraph.graphql?raw';
import { sellerMessages } from './messages';

// Every source of the seller centre but its tests and the generated code, as text.
const sources = Object.values(
  import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.*', '!./gql/**'], { query: '?raw', import: 'default', eager: true }),
);
const schema = buildSchema(supergraph, { assumeValidSDL: true });
const enumValues = (name: string) => {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the supergraph`);
  return type.getValues().map((value) => value.name);
};

/** Keys built from an enum value at run time, and the values they take. */
const keysFromEnums: Record<string, readonly string[]> = {
  'seller.orderStatus.': [...enumValues('OrderStatus'), 'ALL'],
  'seller.productStatus.': enumValues('ProductStatus'),
  'seller.returnStatus.': [...enumValues('ReturnStatus'), 'ALL'],
  'seller.shipmentStatus.': enumValues('ShipmentStatus'),
  'seller.paymentMethod.': enumValues('PaymentMethod'),
  'seller.payoutStatus.': enumValues('PayoutStatus'),
  'seller.ledger.': enumValues('ShopLedgerEntryKind'),
  'seller.movement.': enumValues('InventoryMovementKind'),
  'seller.sentiment.': [...enumValues('Sentiment'), 'ALL'],
  'seller.shopStatus.': enumValues('ShopStatus'),
};

describe('the seller centre’s words', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(Object.keys(sellerMessages.en).sort()).toEqual(Object.keys(sellerMessages.vi).sort());
  });

  it('has words for every key the pages use', () => {
    const used = new Set(sources.flatMap((text) => [...text.matchAll(/'(seller\.[\w.]+)'/g)].map((match) => match[1]!)));
    expect([...used].filter((key) => !(key in sellerMessages.vi))).toEqual([]);
  });

  it('has words for every status and kind the API can answer', () => {
    const missing = Object.entries(keysFromEnums).flatMap(([prefix, values]) =>
      values.map((value) => prefix + value).filter((key) => !(key in sellerMessages.vi)),
    );
    expect(missing).toEqual([]);
    // Every key built at run time has its prefix listed above, so no new one goes unchecked.
    const dynamicPrefixes = new Set(sources.flatMap((text) => [...text.matchAll(/`(seller\.[\w.]+\.)\$\{/g)].map((match) => match[1]!)));
    const unchecked = [...dynamicPrefixes].filter((prefix) => !(prefix in keysFromEnums) && !['seller.dashboard.last', 'seller.figure.'].includes(prefix));
    expect(unchecked).toEqual([]);
  });
});
