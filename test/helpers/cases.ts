/** Cases stored straight in a test desk's database: no desk event announces them and no agent runs. */
import type { MikroORM } from '@mikro-orm/sqlite';
import { Case, type CaseStatus, Customer, type Priority } from '../../server/db/entities/index.js';

/** Stores open cases of cust-ava (each field can be set) in one flush; returns their ids in order. */
export async function storeCases(
  orm: MikroORM,
  cases: { subject: string; priority?: Priority; status?: CaseStatus; createdAt?: Date }[],
): Promise<string[]> {
  const em = orm.em.fork();
  const rows = cases.map(
    (c) =>
      em.create(Case, {
        customer: em.getReference(Customer, 'cust-ava'),
        priority: 'NORMAL',
        status: 'OPEN',
        createdAt: new Date(),
        ...c,
      } as never) as unknown as { id: string },
  );
  await em.flush();
  return rows.map((r) => r.id);
}
