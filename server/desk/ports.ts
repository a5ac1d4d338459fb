/**
 * The ports that coordinate the desk. Each has an in-process implementation today (one process,
 * SQLite); the several-machines mode puts PostgreSQL and Redis behind the same interfaces.
 *
 * - EventBus: case and desk events to subscribers (`server/pubsub.ts`, in-process).
 * - SequenceAllocator: numbers for a case's events in one process, strictly increasing, never reused
 *   (`sequence-allocator.ts`, blocks reserved in the case row).
 * - CaseQueue: one run per case at a time, emergencies first, bounded concurrency (`work-queue.ts`).
 * - LimiterStore: rate-limit timestamps per identity (graphql-rate-limit's `Store`, in memory by
 *   default; `RateLimitOptions.store` in `server/security/rate-limit.ts`).
 * - ConnectionCounter: open WebSocket connections per identity (`createConnectionCounter` in `connection-counter.ts`).
 * - CaseSequencer: with several instances, numbers and publishes every instance's events of a case
 *   in one order, and keeps token deltas for resumes (a counter, a held set and a capped Redis Stream
 *   per case); absent in one process (the SequenceAllocator numbers, its own history serves resumes).
 * - SharedAgentFigures: per-agent figures of every instance (answers, errors, runs now); absent in one
 *   process, where `AgentMetrics` holds them.
 */
import type { Priority } from '../db/entities/index.js';
import type { CaseEvent } from '../events.js';
import type { PubSub } from '../pubsub.js';
import type { AgentOutcome, AgentStats, StoredAgentFigures } from './agent-metrics.js';

/** Publishes events to every subscriber of a topic, on this instance or, later, all of them. */
export type EventBus = PubSub;

/** Numbers for a case's events. */
export interface SequenceAllocator {
  /**
   * The first of `n` numbers when they can be handed out now without any I/O (this process knows
   * the case and its reserved block has room), else null: then use `allocateIn` or `allocate`.
   */
  tryAllocate(caseId: string, n: number): number | null;
  /** The first of `n` numbers, inside a transaction that holds the case row (a new block is written to it). */
  allocateIn(caseRow: { id: string; seqReserved: number }, n: number): number;
  /** The first of `n` numbers outside any transaction (reads or reserves in its own statement). */
  allocate(caseId: string, n: number): Promise<number>;
  /** Whether `n` more numbers fit in the reserved block (so the case row need not be read). */
  hasRoom(caseId: string, n: number): boolean;
  /** A restore point, taken before a transaction that may fail. */
  mark(caseId: string): () => void;
}

/**
 * Where a case turn came from, carried with the turn (and in a BullMQ job, so plain data): the
 * request id for the worker's log lines and the W3C trace context of the request that caused it.
 */
export interface TurnOrigin {
  requestId?: string;
  /** `traceparent` (and `tracestate`) of the submit span; absent when tracing is off. */
  trace?: Record<string, string>;
}

/** Runs agents for cases. */
export interface CaseQueue {
  /** Queues a case (no-op while it waits; run again after the current run). */
  enqueue(caseId: string, priority: Priority, origin?: TurnOrigin): void;
  /** Aborts the run of a case, if any. */
  abort(caseId: string, reason: string): void;
  /** Whether a case is running now. */
  isRunning(caseId: string): boolean;
  /** Cases waiting for an agent. */
  readonly depth: number;
  /** Cases being answered. */
  readonly active: number;
  /** Stops taking work; running cases get `graceMs` to finish, then are aborted. */
  stop(graceMs: number): Promise<void>;
  /** Cases waiting and being answered on every instance (a shared queue; absent: `depth` and `active`). */
  counts?(): Promise<{ waiting: number; active: number }>;
}

/** Open WebSocket connections per identity. */
export interface ConnectionCounter {
  /** Counts one more connection for `key`; false (and not counted) when `max` are already open. */
  acquire(key: string, max: number): Promise<boolean>;
  /** Counts one connection of `key` closed. */
  release(key: string): Promise<void>;
}

/** A token delta event. */
export type TokenDeltaEvent = Extract<CaseEvent, { type: 'TOKEN_DELTA' }>;

/** The highest seq the database knows of a case. */
export type SeqFloor = (caseId: string) => Promise<number>;

/**
 * One numbering and one publishing order of a case's events for every instance (a shared counter
 * per case; absent in one process, where the SequenceAllocator numbers and the EventBus publishes).
 * Events go out in seq order: an event numbered after a stored event that is not committed yet is
 * held until that one is published, or its numbers are released (a hole nobody waits for).
 */
export interface CaseSequencer {
  /**
   * Numbers and publishes a token delta, and keeps it for resumes; queued, and sent with the case's
   * other deltas of this event-loop turn. `floor` is the highest seq the database knows of the
   * case, asked for only when the shared counter is missing.
   */
  live(ev: Omit<TokenDeltaEvent, 'seq'>, floor: SeqFloor): void;
  /** The first of `n` numbers for events about to be stored (0 as `floor`: a case being created). */
  reserve(caseId: string, n: number, floor: number | SeqFloor): Promise<number>;
  /** Publishes stored events, numbered by `reserve` and committed (after the events before them). */
  publish(caseId: string, first: number, events: CaseEvent[]): void;
  /** Gives up numbers reserved for events that were not stored. */
  release(caseId: string, first: number): void;
  /**
   * For a resume: `upTo`, the seq up to which every event was published (null when the case has no
   * counter: then every stored event is), and the kept deltas with seq in (after, upTo]. Events
   * above `upTo` are still to be published: a subscription opened before this call receives them.
   */
  replay(caseId: string, after: number): Promise<{ upTo: number | null; deltas: TokenDeltaEvent[] }>;
  /** The message is complete (or incomplete): its deltas are dropped after a grace period. */
  complete(caseId: string, messageId: string): void;
  /** The text written so far of a message (its kept deltas joined). */
  text(caseId: string, messageId: string): Promise<string>;
}

/** Per-agent figures of every instance (a shared store; absent: this process's `AgentMetrics`). */
export interface SharedAgentFigures {
  /**
   * Records that this instance now runs `active` answers of `agent` (and, with `outcome`, that one
   * of them finished); resolves to the agent's figures over every instance after the change.
   */
  record(agent: string, active: number, outcome?: AgentOutcome): Promise<AgentStats>;
  /** The figures of these agents over every instance. */
  snapshot(agents: string[]): Promise<AgentStats[]>;
  /** Adds the figures of answers stored in the database, once for the whole desk (false: already there). */
  seed(rows: StoredAgentFigures[]): Promise<boolean>;
  /** Stops refreshing this instance's runs and removes them. */
  close(): Promise<void>;
}
