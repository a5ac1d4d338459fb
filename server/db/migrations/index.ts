import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261130075430 } from './Migration20261130075430.js';

/** Migrations in the order they apply; add each new one here. */
export const migrationsList: MigrationObject[] = [{ name: 'Migration20261130075430', class: Migration20261130075430 }];
