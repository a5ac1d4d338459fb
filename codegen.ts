/**
 * GraphQL Code Generator config: types for the typed client come from the committed
 * schema.graphql and the operations under client/. (The client and its generator packages
 * arrive with the clients issue.)
 */
const config = {
  schema: 'schema.graphql',
  documents: ['client/**/*.{ts,tsx,graphql}'],
  ignoreNoDocuments: true,
  generates: {
    'client/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
