/**
 * The in-process SequenceAllocator: numbers come from blocks reserved in the case row (hi/lo), so
 * handing one out needs no read. A process that does not know a case starts after the block the row
 * reserves, so numbers handed out before a crash are never reused. The cases it knows are bounded
 * (least recently used forgotten first; a forgotten case starts again after its reserved block).
 */
import type { MikroORM } from '@mikro-orm/sqlite';
import { LRUCache } from 'lru-cache';
import { Case } from '../db/entities/index.js';
import type { SequenceAllocator } from './ports.js';

const BLOCK = 1000;

interface SeqState {
  last: number;
  reserved: number;
}

/** Creates the allocator over the case rows of this database. */
export function createRowSequenceAllocator(orm: MikroORM, opts: { maxCases?: number } = {}): SequenceAllocator {
  const known = new LRUCache<string, SeqState>({ max: opts.maxCases ?? 20_000 });

  const seed = (caseRow: { id: string; seqReserved: number }): SeqState => {
    let s = known.get(caseRow.id);
    if (!s) {
      const reserved = caseRow.seqReserved ?? 0;
      s = { last: reserved, reserved };
      known.set(caseRow.id, s);
    }
    return s;
  };

  return {
    tryAllocate(caseId, n) {
      const s = known.get(caseId);
      if (!s || s.last + n > s.reserved) return null;
      const first = s.last + 1;
      s.last += n;
      return first;
    },
    allocateIn(caseRow, n) {
      const s = seed(caseRow);
      const first = s.last + 1;
      s.last += n;
      if (s.last > s.reserved) {
        s.reserved = s.last + BLOCK - 1;
        // Written with the transaction's flush, so the block and the events commit together.
        caseRow.seqReserved = s.reserved;
      }
      return first;
    },
    async allocate(caseId, n) {
      let s = known.get(caseId);
      if (!s) s = seed(await orm.em.fork().findOneOrFail(Case, { id: caseId }));
      const first = s.last + 1;
      s.last += n;
      if (s.last > s.reserved) {
        s.reserved = s.last + BLOCK - 1;
        await orm.em.fork().nativeUpdate(Case, { id: caseId }, { seqReserved: s.reserved });
      }
      return first;
    },
    hasRoom(caseId, n) {
      const s = known.peek(caseId);
      return !!s && s.last + n < s.reserved;
    },
    mark(caseId) {
      const s = known.peek(caseId);
      const snapshot = s ? { ...s } : undefined;
      return () => {
        if (snapshot) known.set(caseId, snapshot);
        else known.delete(caseId);
      };
    },
  };
}
