// The storefront never shows a raw key or a raw userErrors code: every word it asks for exists in both languages,
// and every code a mutation it sends can answer (as the schema documents them: "userErrors: A, B, C.") has words.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kind, buildSchema, isEnumType, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { createI18n } from '@goshop/shared/i18n/I18n';
import { locales } from '@goshop/shared/i18n/messages';
import { storefrontMessages } from './messages';
import * as operations from './gql/graphql';

const here = __dirname;
const schema = buildSchema(readFileSync(join(here, '..', '..', 'shared', 'generated', 'schema.graphql'), 'utf8'));
const i18ns = locales.map((locale) => createI18n(locale, () => undefined, storefrontMessages));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'gql') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [readFileSync(path, 'utf8')] : [];
  });
}

const code = sources(here).join('\n');

describe('storefront words', () => {
  it('has every key the pages ask for in Vietnamese and English', () => {
    const keys = [...new Set([...code.matchAll(/\bt\('([a-zA-Z.]+)'/g)].map((m) => m[1]))];
    const missing = i18ns.flatMap((i18n) => keys.filter((k) => !i18n.has(k)).map((k) => `${i18n.locale}:${k}`));
    expect(missing).toEqual([]);
  });

  it('names every status the API can answer', () => {
    const prefixes: [string, string][] = [['status', 'OrderStatus'], ['shipmentStatus', 'ShipmentStatus'], ['returnStatus', 'ReturnStatus'],
      ['alertStatus', 'PriceAlertStatus'], ['paymentMethod', 'PaymentMethod'], ['search.sort', 'SearchSort'], ['search.kind', 'SuggestionKind']];
    const missing = prefixes.flatMap(([prefix, enumName]) => {
      const type = schema.getType(enumName);
      if (!isEnumType(type)) return [`no enum ${enumName}`];
      return i18ns.flatMap((i18n) => type.getValues().filter((v) => !i18n.has(`${prefix}.${v.name}`)).map((v) => `${i18n.locale}:${prefix}.${v.name}`));
    });
    expect(missing).toEqual([]);
  });

  it('has words for every userErrors code of every mutation the storefront sends', () => {
    const mutationType = schema.getMutationType()!;
    const mutations = Object.values(operations)
      .filter((value): value is DocumentNode => typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT)
      .flatMap((doc) => doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation'))
      .flatMap((op) => op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])));
    expect(mutations.length).toBeGreaterThan(10);
    const missing = new Set<string>();
    for (const name of mutations) {
      const description = mutationType.getFields()[name]?.description ?? '';
      const codes = /userErrors: ([A-Z_, ]+)\./.exec(description)?.[1].split(',').map((c) => c.trim()).filter(Boolean) ?? [];
      for (const c of codes) for (const i18n of i18ns) if (!i18n.has(`code.${c}`)) missing.add(`${name}: ${i18n.locale}:${c}`);
    }
    expect([...missing].sort()).toEqual([]);
  });
});
