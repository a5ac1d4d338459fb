import { Migration } from '@mikro-orm/migrations';

export class Migration20261130084304 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_events\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`category\` text check (\`category\` in ('auth', 'security', 'action')) not null, \`type\` text not null, \`actor_id\` text null, \`actor_role\` text null, \`case_id\` text null, \`customer_id\` text null, \`ip\` text null, \`request_id\` text null, \`detail\` json not null);`,
    );
    this.addSql(`create index \`audit_events_at_index\` on \`audit_events\` (\`at\`);`);
    this.addSql(`create index \`audit_events_case_id_index\` on \`audit_events\` (\`case_id\`);`);
    this.addSql(`create index \`audit_events_category_at_index\` on \`audit_events\` (\`category\`, \`at\`);`);

    this.addSql(`alter table \`cases\` add column \`prompt_tokens\` integer not null default 0;`);
    this.addSql(`alter table \`cases\` add column \`completion_tokens\` integer not null default 0;`);
    this.addSql(`alter table \`cases\` add column \`cost_usd\` real not null default 0;`);
    this.addSql(`alter table \`cases\` add column \`summary\` text null;`);
    this.addSql(`alter table \`cases\` add column \`summarized_count\` integer not null default 0;`);
    this.addSql(`alter table \`cases\` add column \`security_flag\` integer not null default false;`);

    this.addSql(`alter table \`messages\` add column \`model\` text null;`);
    this.addSql(`alter table \`messages\` add column \`cost_usd\` real null;`);
    // The audit trail is append-only: the database itself refuses to change or remove a row.
    this.addSql(
      `create trigger \`audit_events_no_update\` before update on \`audit_events\` begin select raise(abort, 'audit events are append-only'); end;`,
    );
    this.addSql(
      `create trigger \`audit_events_no_delete\` before delete on \`audit_events\` begin select raise(abort, 'audit events are append-only'); end;`,
    );
  }
}
