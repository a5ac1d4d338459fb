import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261130075430 } from './Migration20261130075430.js';
import { Migration20261130084304 } from './Migration20261130084304.js';
import { Migration20261201232509 } from './Migration20261201232509.js';
import { Migration20261201232515 } from './Migration20261201232515.js';
import { Migration20261201234000 } from './Migration20261201234000.js';
import { Migration20261202024754 } from './Migration20261202024754.js';
import { Migration20261203190500 } from './Migration20261203190500.js';

/** Migrations in the order they apply; add each new one here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261130075430', class: Migration20261130075430 },
  { name: 'Migration20261130084304', class: Migration20261130084304 },
  { name: 'Migration20261201232515', class: Migration20261201232515 },
  { name: 'Migration20261201232509', class: Migration20261201232509 },
  { name: 'Migration20261201234000', class: Migration20261201234000 },
  { name: 'Migration20261202024754', class: Migration20261202024754 },
  { name: 'Migration20261203190500', class: Migration20261203190500 },
];
