// GraphQL Code Generator: typed operations for each app from the client-facing schema (scripts/client-schema.mjs
// derives it from schema/supergraph.graphql). Each app gets its own `graphql()` with only its own documents, so
// the storefront's bundle carries none of the seller centre's operations.
import type { CodegenConfig } from '@graphql-codegen/cli';

const preset = {
  preset: 'client',
  presetConfig: {
    // `useFragment` reads like a React hook to linters and readers; it is a plain function.
    fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
  },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    dedupeFragments: true,
    scalars: {
      DateTime: 'string',
      Date: 'string',
      // The gateway writes decimals as JSON numbers.
      Decimal: 'number',
      Upload: 'File',
    },
  },
} as const;

const config: CodegenConfig = {
  schema: 'shared/generated/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'shared/src/gql/': { ...preset, documents: ['shared/src/**/*.{ts,tsx}', '!shared/src/gql/**', '!shared/src/**/*.test.*'] },
    'storefront/src/gql/': { ...preset, documents: ['storefront/src/**/*.{ts,tsx}', '!storefront/src/gql/**', '!storefront/src/**/*.test.*'] },
    'seller/src/gql/': { ...preset, documents: ['seller/src/**/*.{ts,tsx}', '!seller/src/gql/**', '!seller/src/**/*.test.*'] },
  },
};

export default config;
