/** Whether a customer id is known to the desk's database, for scripts that take one. */
import { existsSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/sqlite';
import type { Config } from '../../server/config.js';
import { Customer } from '../../server/db/entities/index.js';
import { ormOptions } from '../../server/db/orm.js';

/** A warning when the customer is not in the database (or the database cannot tell), else null. */
export async function unknownCustomerWarning(config: Config, customerId: string): Promise<string | null> {
  if (config.databasePath !== ':memory:' && !existsSync(config.databasePath))
    return `warning: no database at ${config.databasePath} yet, so customer ${customerId} could not be checked (npm run db:seed creates it)`;
  // Opened without migrating: a token never changes the database.
  const orm = await (MikroORM.init((await ormOptions(config.database)) as never) as Promise<MikroORM>);
  try {
    const found = await orm.em.fork().findOne(Customer, { id: customerId });
    return found ? null : `warning: customer ${customerId} does not exist in ${config.databasePath}`;
  } catch (err) {
    return `warning: could not check customer ${customerId}: ${(err as Error).message}`;
  } finally {
    await orm.close(true);
  }
}
