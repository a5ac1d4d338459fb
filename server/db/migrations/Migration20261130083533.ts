import { Migration } from '@mikro-orm/migrations';

export class Migration20261130083533 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`security_events\` (\`id\` integer not null primary key autoincrement, \`type\` text not null, \`case_id\` text null, \`customer_id\` text null, \`detail\` json not null, \`at\` datetime not null);`);
    this.addSql(`create index \`security_events_at_index\` on \`security_events\` (\`at\`);`);
    this.addSql(`create index \`security_events_case_id_index\` on \`security_events\` (\`case_id\`);`);

    this.addSql(`alter table \`cases\` add column \`prompt_tokens\` integer not null default 0;`);
    this.addSql(`alter table \`cases\` add column \`completion_tokens\` integer not null default 0;`);
    this.addSql(`alter table \`cases\` add column \`cost_usd\` real not null default 0;`);
    this.addSql(`alter table \`cases\` add column \`summary\` text null;`);
    this.addSql(`alter table \`cases\` add column \`summarized_count\` integer not null default 0;`);
    this.addSql(`alter table \`cases\` add column \`security_flag\` integer not null default false;`);

    this.addSql(`alter table \`messages\` add column \`model\` text null;`);
    this.addSql(`alter table \`messages\` add column \`cost_usd\` real null;`);
  }

}
