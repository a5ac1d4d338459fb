import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Case } from '../../server/db/entities/index.js';
import { createConnectionCounter } from '../../server/desk/connection-counter.js';
import { createRowSequenceAllocator } from '../../server/desk/sequence-allocator.js';
import { createTestDb } from '../helpers/app.js';

describe('createRowSequenceAllocator', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  async function newCase(id: string, seqReserved = 0): Promise<void> {
    const em = db.orm.em.fork();
    em.create(Case, { id, customer: 'cust-ava', subject: 'test', status: 'OPEN', priority: 'NORMAL', seqReserved });
    await em.flush();
  }
  const reservedOf = async (id: string) => (await db.orm.em.fork().findOneOrFail(Case, { id })).seqReserved;

  it('hands out numbers without I/O only once it knows the case and its block has room', async () => {
    await newCase('s-1');
    const seq = createRowSequenceAllocator(db.orm);
    expect(seq.tryAllocate('s-1', 1)).toBeNull();
    expect(await seq.allocate('s-1', 1)).toBe(1);
    expect(await reservedOf('s-1')).toBe(1000);
    expect(seq.tryAllocate('s-1', 3)).toBe(2);
    expect(seq.tryAllocate('s-1', 1)).toBe(5);
    expect(seq.tryAllocate('s-1', 996)).toBeNull();
    expect(seq.hasRoom('s-1', 16)).toBe(true);
  });

  it('starts after the reserved block in a process that does not know the case, so no number is reused', async () => {
    await newCase('s-2', 3000);
    const seq = createRowSequenceAllocator(db.orm);
    expect(await seq.allocate('s-2', 2)).toBe(3001);
    expect(await reservedOf('s-2')).toBe(4001);
  });

  it('reserves a new block in the case row when numbers are taken inside a transaction', async () => {
    await newCase('s-3');
    const seq = createRowSequenceAllocator(db.orm);
    await db.orm.em.fork().transactional(async (tx) => {
      const row = await tx.findOneOrFail(Case, { id: 's-3' });
      expect(seq.allocateIn(row, 2)).toBe(1);
    });
    expect(await reservedOf('s-3')).toBe(1001);
    expect(seq.tryAllocate('s-3', 1)).toBe(3);
  });

  it('gives the same numbers again after a restore point is taken back', async () => {
    await newCase('s-4');
    const seq = createRowSequenceAllocator(db.orm);
    await seq.allocate('s-4', 1);
    const restore = seq.mark('s-4');
    expect(seq.tryAllocate('s-4', 2)).toBe(2);
    restore();
    expect(seq.tryAllocate('s-4', 1)).toBe(2);
  });

  it('forgets the least recently used case past its bound and numbers it after its block', async () => {
    await newCase('s-5');
    await newCase('s-6');
    const seq = createRowSequenceAllocator(db.orm, { maxCases: 1 });
    expect(await seq.allocate('s-5', 1)).toBe(1);
    await seq.allocate('s-6', 1);
    expect(seq.tryAllocate('s-5', 1)).toBeNull();
    expect(await seq.allocate('s-5', 1)).toBe(1001);
  });
});

describe('createConnectionCounter', () => {
  it('refuses a connection over the limit and counts closed ones', async () => {
    const c = createConnectionCounter();
    expect(await c.acquire('u', 2)).toBe(true);
    expect(await c.acquire('u', 2)).toBe(true);
    expect(await c.acquire('u', 2)).toBe(false);
    expect(await c.acquire('v', 2)).toBe(true);
    await c.release('u');
    expect(await c.acquire('u', 2)).toBe(true);
  });
});
