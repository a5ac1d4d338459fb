/**
 * Operators and teams: the operator records (id = the token's `sub`), availability, the assignee
 * check of case updates, and auto-assignment of escalated cases round-robin to available
 * operators of the case's team with capacity left (re-assigned when one goes offline). With several
 * instances each hears of an escalation; the case row decides which one assigns it, and the
 * operator's row (locked on PostgreSQL while its open cases are counted) whether it has room.
 */
import { type EntityManager, LockMode, type MikroORM } from '@mikro-orm/sqlite';
import {
  AVAILABILITIES,
  type Availability,
  Case,
  type ICase,
  type IOperator,
  Operator,
  TEAMS,
  type Team,
} from '../db/entities/index.js';
import { dialectOf } from '../db/orm.js';
import { AppError, BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { type DeskEvent, topics } from '../events.js';
import type { Logger } from '../logger.js';
import type { PubSub, Subscription } from '../pubsub.js';
import type { Actor, CaseService } from './case.service.js';

/** An operator's open cases fill their capacity. */
class NoRoomError extends ConflictError {
  constructor(operatorId: string) {
    super(`Operator ${operatorId} has no room for another case`);
  }
}

/** What an admin sets on an operator. */
export interface OperatorInput {
  id: string;
  name: string;
  email?: string | null;
  role?: 'operator' | 'admin' | null;
  team?: Team | null;
  capacity?: number | null;
  availability?: Availability | null;
}

const OPEN_STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED'] as const;
const AUTO_ASSIGNER: Actor = { kind: 'operator', id: 'auto-assign', role: 'admin', name: 'Auto-assignment' };

/** The team that works a case of a route (escalation and general cases go to escalations). */
function teamForRoute(route: string | null | undefined): Team {
  return route === 'billing' ? 'billing' : route === 'technical' ? 'technical' : 'escalations';
}

/** Creates the operator service. */
export function createOperatorService(deps: { orm: MikroORM; pubsub: PubSub; cases: CaseService; logger: Logger }) {
  const { orm, pubsub } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  let desk: Subscription<DeskEvent> | null = null;

  /** Runs assignment work one at a time, so two escalations never pick from the same snapshot. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch((err) => deps.logger.error({ err }, 'auto-assignment failed'));
    return run;
  }

  function announce(o: IOperator): void {
    pubsub.publish<DeskEvent>(topics.desk, {
      type: 'OPERATOR_CHANGED',
      at: new Date(),
      operatorId: o.id,
      name: o.name,
      team: o.team ?? null,
      availability: o.availability,
      capacity: o.capacity,
    });
  }

  /** Open cases per operator. */
  async function loads(em: EntityManager): Promise<Map<string, number>> {
    const rows = await em
      .getConnection()
      .execute<{ assignee: string; n: number }[]>(
        `select assignee, count(*) as n from cases where assignee is not null and status in (${OPEN_STATUSES.map(() => '?').join(', ')}) group by assignee`,
        [...OPEN_STATUSES],
      );
    return new Map(rows.map((r) => [r.assignee, Number(r.n)]));
  }

  /** The next operator of a team in round-robin order who is online and has room. */
  async function pick(em: EntityManager, team: Team, except?: string): Promise<IOperator | null> {
    const candidates = await em.find(
      Operator,
      { team, availability: 'online', ...(except ? { id: { $ne: except } } : {}) },
      { orderBy: [{ lastAssignedAt: 'asc nulls first' }, { id: 'asc' }] },
    );
    const load = await loads(em);
    return candidates.find((o) => (load.get(o.id) ?? 0) < o.capacity) ?? null;
  }

  /**
   * Gives a case to the next operator of its team (then of escalations); null when nobody has room
   * or another instance assigned it first. An operator another instance filled meanwhile is skipped.
   */
  async function assign(c: ICase, except?: string): Promise<IOperator | null> {
    const team = (c.team as Team | null) ?? teamForRoute(c.route);
    for (let attempt = 0; attempt < 3; attempt++) {
      const em = orm.em.fork();
      const chosen =
        (await pick(em, team, except)) ?? (team === 'escalations' ? null : await pick(em, 'escalations', except));
      if (!chosen) return null;
      try {
        // Only if nobody assigned it meanwhile (another instance hears of the same escalation), and
        // only while the operator has room (another instance may be giving them another case).
        await deps.cases.updateCase(AUTO_ASSIGNER, c.id, { assignee: chosen.id }, false, {
          ifAssignee: c.assignee ?? null,
          withinCapacity: true,
        });
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        if (!(err instanceof NoRoomError)) return null;
        continue;
      }
      chosen.lastAssignedAt = new Date();
      await em.flush();
      return chosen;
    }
    return null;
  }

  async function assignIfWaiting(caseId: string): Promise<IOperator | null> {
    const c = await orm.em.fork().findOne(Case, { id: caseId });
    if (!c || c.assignee || c.status !== 'ESCALATED') return null;
    return assign(c);
  }

  /** Unassigned escalated cases, oldest first, to whoever has room. */
  async function assignWaiting(): Promise<number> {
    const waiting = await orm.em
      .fork()
      .find(Case, { status: 'ESCALATED', assignee: null }, { orderBy: { createdAt: 'asc' }, limit: 200 });
    let n = 0;
    for (const c of waiting) if (await assign(c)) n++;
    return n;
  }

  /** Moves an operator's open cases to others of the case's team (unassigned when nobody has room). */
  async function reassignFrom(operatorId: string): Promise<void> {
    const open = await orm.em
      .fork()
      .find(Case, { assignee: operatorId, status: { $in: [...OPEN_STATUSES] } }, { orderBy: { createdAt: 'asc' } });
    for (const c of open) {
      if (!(await assign(c, operatorId))) await deps.cases.updateCase(AUTO_ASSIGNER, c.id, {}, true);
    }
  }

  function validate(input: OperatorInput): void {
    const id = input.id.trim();
    if (!/^[A-Za-z0-9._@-]{1,100}$/.test(id)) throw new BadInputError('id must be 1-100 of A-Z a-z 0-9 . _ @ -', 'id');
    if (!input.name.trim() || input.name.length > 100) throw new BadInputError('name must be 1-100 characters', 'name');
    if (input.email && (input.email.length > 200 || !/^[^@\s]+@[^@\s]+$/.test(input.email)))
      throw new BadInputError('email is not an e-mail address', 'email');
    if (input.team && !TEAMS.includes(input.team))
      throw new BadInputError(`team must be one of ${TEAMS.join(', ')}`, 'team');
    if (input.capacity !== null && input.capacity !== undefined && (input.capacity < 0 || input.capacity > 100))
      throw new BadInputError('capacity must be between 0 and 100', 'capacity');
    if (input.availability && !AVAILABILITIES.includes(input.availability))
      throw new BadInputError(`availability must be one of ${AVAILABILITIES.join(', ')}`, 'availability');
  }

  return {
    /** Every operator, by name. */
    list(em: EntityManager): Promise<IOperator[]> {
      return em.find(Operator, {}, { orderBy: { name: 'asc', id: 'asc' } });
    },

    /** One operator, or null. */
    get(em: EntityManager, id: string): Promise<IOperator | null> {
      return em.findOne(Operator, { id });
    },

    /** Open cases assigned to an operator. */
    async openCount(em: EntityManager, id: string): Promise<number> {
      return (await loads(em)).get(id) ?? 0;
    },

    /** Creates or changes an operator (admins). */
    async upsert(input: OperatorInput): Promise<IOperator> {
      validate(input);
      const em = orm.em.fork();
      let o = await em.findOne(Operator, { id: input.id.trim() });
      const wasOnline = o?.availability === 'online';
      if (!o) {
        o = em.create(Operator, {
          id: input.id.trim(),
          name: input.name.trim(),
          email: input.email ?? null,
          role: input.role ?? 'operator',
          team: input.team ?? null,
          capacity: input.capacity ?? 5,
          availability: input.availability ?? 'offline',
          lastAssignedAt: null,
        });
      } else {
        o.name = input.name.trim();
        if (input.email !== undefined) o.email = input.email;
        if (input.role) o.role = input.role;
        if (input.team !== undefined) o.team = input.team;
        if (input.capacity !== null && input.capacity !== undefined) o.capacity = input.capacity;
        if (input.availability) o.availability = input.availability;
      }
      await em.flush();
      announce(o);
      if (wasOnline && o.availability === 'offline') await serial(() => reassignFrom(o.id));
      if (o.availability === 'online') await serial(assignWaiting);
      return o;
    },

    /** Sets an operator's availability (their own; admins anyone's); going offline hands their cases on. */
    async setAvailability(actor: Actor, operatorId: string, availability: Availability): Promise<IOperator> {
      if (!AVAILABILITIES.includes(availability))
        throw new BadInputError(`availability must be one of ${AVAILABILITIES.join(', ')}`, 'availability');
      if (operatorId !== actor.id && actor.role !== 'admin')
        throw new AppError('Only admins may set another operator’s availability', 'FORBIDDEN');
      const em = orm.em.fork();
      let o = await em.findOne(Operator, { id: operatorId });
      if (!o && operatorId === actor.id) {
        o = em.create(Operator, {
          id: actor.id,
          name: actor.name ?? actor.id,
          email: null,
          role: actor.role === 'admin' ? 'admin' : 'operator',
          team: null,
          capacity: 5,
          availability,
          lastAssignedAt: null,
        });
      }
      if (!o) throw new NotFoundError('Operator', operatorId, 'operatorId');
      const before = o.availability;
      o.availability = availability;
      await em.flush();
      announce(o);
      if (availability === 'offline' && before !== 'offline') await serial(() => reassignFrom(o.id));
      if (availability === 'online' && before !== 'online') await serial(assignWaiting);
      return o;
    },

    /**
     * Checks an assignee inside a case update: a known operator, or the signed-in staff member
     * assigning themselves (recorded as an operator on first use). Returns the operator's team.
     * `withinCapacity`: NoRoomError when the operator's open cases already fill their capacity,
     * counted with their row locked on PostgreSQL (so two instances count one after the other).
     */
    async checkAssignee(
      tx: EntityManager,
      assignee: string,
      actor: Actor,
      opts: { withinCapacity?: boolean } = {},
    ): Promise<{ team: Team | null }> {
      const lock = opts.withinCapacity && dialectOf(orm) === 'postgresql';
      const o = await tx.findOne(Operator, { id: assignee }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
      if (o && opts.withinCapacity) {
        const open = await tx.count(Case, { assignee, status: { $in: [...OPEN_STATUSES] } });
        if (open >= o.capacity) throw new NoRoomError(assignee);
      }
      if (o) return { team: o.team ?? null };
      if (assignee === actor.id && actor.kind === 'operator') {
        tx.create(Operator, {
          id: actor.id,
          name: actor.name ?? actor.id,
          email: null,
          role: actor.role === 'admin' ? 'admin' : 'operator',
          team: null,
          capacity: 5,
          availability: 'online',
          lastAssignedAt: null,
        });
        return { team: null };
      }
      throw new BadInputError(`assignee ${assignee} is not a known operator`, 'assignee');
    },

    /** Waits until the assignment work queued so far is done (tests, shutdown). */
    idle(): Promise<unknown> {
      return serial(async () => undefined);
    },

    /** Starts assigning escalated cases as they are escalated. */
    start(): void {
      if (desk) return;
      const sub = pubsub.subscribe<DeskEvent>(topics.desk);
      desk = sub;
      void (async () => {
        for await (const ev of sub) {
          if (ev.type === 'CASE_UPDATED' && ev.status === 'ESCALATED' && !ev.assignee)
            void serial(() => assignIfWaiting(ev.caseId));
        }
      })().catch((err) => deps.logger.error({ err }, 'auto-assignment stopped'));
    },

    /** Stops auto-assignment and waits for work in flight. */
    async stop(): Promise<void> {
      desk?.close();
      desk = null;
      await chain.catch(() => undefined);
    },
  };
}

/** The operator service. */
export type OperatorService = ReturnType<typeof createOperatorService>;
