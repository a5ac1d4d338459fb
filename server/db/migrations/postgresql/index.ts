import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201234253 } from './Migration20261201234253.js';
import { Migration20261202005748 } from './Migration20261202005748.js';
import { Migration20261202024759 } from './Migration20261202024759.js';

/** PostgreSQL migrations in the order they apply (`npm run migration:create` adds each new one here). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261201234253', class: Migration20261201234253 },
  { name: 'Migration20261202005748', class: Migration20261202005748 },
  { name: 'Migration20261202024759', class: Migration20261202024759 },
];
