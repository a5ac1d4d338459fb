import { Migration } from '@mikro-orm/migrations';

/**
 * Drops the indexes SQLite had on each foreign key that a composite index already leads with
 * (cases.customer_id, messages.case_id, case_events.case_id): one B-tree less to write per row.
 */
export class Migration20261203190500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index \`cases_customer_id_index\`;`);

    this.addSql(`drop index \`case_events_case_id_index\`;`);

    this.addSql(`drop index \`messages_case_id_index\`;`);
  }
}
