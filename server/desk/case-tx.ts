/**
 * A plain-SQL transaction on a case's rows, for the event log's hot path (see CaseEventLog's
 * `sqlTransaction`): the case rows it reads or creates, its new messages and its events are
 * written together as it is about to commit.
 */
import {
  type CaseRow,
  changedFields,
  type EventRow,
  insertCase,
  insertEvents,
  insertMessages,
  type MessageRow,
  type SqlExpression,
  selectCase,
  updateCase,
} from '../db/sql/case-rows.js';
import { type Sql, settledAll } from '../db/sql/sql-runner.js';
import { NotFoundError } from '../errors.js';

/**
 * A plain-SQL transaction on a case's rows: statements run at once, while the cases it reads or
 * creates and the messages it creates are written when it is about to commit (in one step, new
 * cases, changed fields of the cases read, new messages and the events; then fields set to SQL
 * expressions), like a unit of work of its own rows only.
 */
export class CaseTx {
  private readonly read = new Map<string, { before: CaseRow; row: CaseRow }>();
  private readonly created: CaseRow[] = [];
  private readonly messages: MessageRow[] = [];
  private readonly expressions = new Map<string, Partial<Record<keyof CaseRow, SqlExpression>>>();
  /** Statements started by the transaction's body, waited for with the buffered writes. */
  private readonly started: Promise<void>[] = [];

  constructor(
    readonly q: Sql,
    private readonly events: EventRow[],
  ) {}

  /** The case row, read once per transaction; changes made to it are written at commit. */
  async case(id: string): Promise<CaseRow> {
    const held = this.read.get(id) ?? this.created.find((c) => c.id === id);
    if (held) return 'row' in held ? held.row : held;
    const row = await selectCase(this.q, id);
    if (!row) throw new NotFoundError('Case', id);
    this.read.set(id, { before: { ...row }, row });
    return row;
  }

  /** A new case, inserted at commit (before its messages and events). */
  newCase(row: CaseRow): CaseRow {
    this.created.push(row);
    return row;
  }

  /** A new message, inserted at commit. */
  newMessage(row: MessageRow): MessageRow {
    this.messages.push(row);
    return row;
  }

  /** Sets a field of a case read in this transaction to an SQL expression, evaluated as the row is written. */
  setExpression(caseId: string, field: keyof CaseRow, e: SqlExpression): void {
    this.expressions.set(caseId, { ...this.expressions.get(caseId), [field]: e });
  }

  /**
   * A write started now that neither reads nor is read by the other writes of this step (the
   * buffered rows): it runs alongside them and is waited for with them, before any SQL expression.
   */
  alongside(write: Promise<void>): void {
    write.catch(() => undefined);
    this.started.push(write);
  }

  /**
   * Writes what was buffered: the new rows, plain field changes and the writes started alongside
   * together (foreign keys are checked at commit; see Sql), then the fields set to SQL
   * expressions, which may read what those wrote.
   */
  async flush(): Promise<void> {
    const writes: Promise<void>[] = [...this.started, ...this.created.map((c) => insertCase(this.q, c))];
    const computed: [string, Partial<CaseRow>, Partial<Record<keyof CaseRow, SqlExpression>>][] = [];
    for (const [id, { before, row }] of this.read) {
      const patch = changedFields(before, row);
      const exprs = this.expressions.get(id);
      if (exprs && Object.keys(exprs).length) computed.push([id, patch, exprs]);
      else if (Object.keys(patch).length) writes.push(updateCase(this.q, id, patch));
    }
    writes.push(insertMessages(this.q, this.messages), insertEvents(this.q, this.events));
    await settledAll(writes);
    await settledAll(computed.map(([id, patch, exprs]) => updateCase(this.q, id, patch, exprs)));
  }
}
