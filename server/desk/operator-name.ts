/** The name staff replies and notes are signed with. */
import type { EntityManager } from '@mikro-orm/sqlite';
import { Operator } from '../db/entities/index.js';

/** An operator's name from their Operator record; without one, the token's name claim, else the id. */
export async function operatorName(em: EntityManager, actor: { id: string; name?: string }): Promise<string> {
  const record = await em.findOne(Operator, { id: actor.id }, { fields: ['name'] });
  return record?.name ?? actor.name ?? actor.id;
}
