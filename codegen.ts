/**
 * GraphQL Code Generator config: typed documents for the client come from the committed
 * schema.graphql and the operations written with `graphql(...)` under client/src/. The output in
 * client/generated/ is committed; `npm run codegen` rewrites it, `npm run codegen:check` fails
 * when it is out of date.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Where the generated files go (the check regenerates into a temp dir with the same settings). */
export const GENERATED_DIR = 'client/generated/';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.ts'],
  ignoreNoDocuments: true,
  silent: true,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // `.js` on relative imports: the repo is ESM with NodeNext resolution.
        emitLegacyCommonJSImports: false,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        strictScalars: true,
        // Nullable fields are present (as null), not optional.
        avoidOptionals: { field: true, object: false, inputValue: false, defaultValue: false },
        skipTypename: false,
        nonOptionalTypename: false,
      },
    },
  },
};

export default config;
