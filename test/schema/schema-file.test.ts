import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';
import { printedSchema } from '../../server/schema/index.js';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` when this fails)', () => {
    expect(readFileSync(resolve(ROOT_DIR, 'schema.graphql'), 'utf8')).toBe(printedSchema());
  });
});
