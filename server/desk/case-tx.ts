/**
 * A plain-SQL transaction on a case's rows, for the event log's hot path (see CaseEventLog's
 * `sqlTransaction`): the case rows it reads or creates and its new messages are written as it is
 * about to commit, then the events.
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
import type { Sql } from '../db/sql/sql-runner.js';
import { NotFoundError } from '../errors.js';

/**
 * A plain-SQL transaction on a case's rows: statements run at once, while the cases it reads or
 * creates and the messages it creates are written when it is about to commit (new cases, then
 * changed fields of the cases read, then new messages, then the events), like a unit of work of
 * its own rows only.
 */
export class CaseTx {
  private readonly read = new Map<string, { before: CaseRow; row: CaseRow }>();
  private readonly created: CaseRow[] = [];
  private readonly messages: MessageRow[] = [];
  private readonly expressions = new Map<string, Partial<Record<keyof CaseRow, SqlExpression>>>();

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

  /** Writes what was buffered. */
  async flush(): Promise<void> {
    for (const c of this.created) await insertCase(this.q, c);
    for (const [id, { before, row }] of this.read) {
      const patch = changedFields(before, row);
      const exprs = this.expressions.get(id) ?? {};
      if (Object.keys(patch).length || Object.keys(exprs).length) await updateCase(this.q, id, patch, exprs);
    }
    await insertMessages(this.q, this.messages);
    await insertEvents(this.q, this.events);
  }
}
