import { Migration } from '@mikro-orm/migrations';

export class Migration20261202024754 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`business_hours\` (\`id\` text not null, \`timezone\` text not null, \`weekly\` json not null, \`holidays\` json not null, \`updated_by\` text not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`case_slas\` (\`case_id\` text not null, \`priority\` text check (\`priority\` in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null, \`started_at\` datetime not null, \`first_response_due_at\` datetime null, \`resolution_due_at\` datetime null, \`first_response_warn_at\` datetime null, \`resolution_warn_at\` datetime null, \`first_response_warned\` integer not null default false, \`first_response_breached\` integer not null default false, \`resolution_warned\` integer not null default false, \`resolution_breached\` integer not null default false, \`paused_at\` datetime null, \`paused_ms\` bigint not null default 0, \`stopped_at\` datetime null, \`next_check_at\` datetime null, primary key (\`case_id\`));`,
    );
    this.addSql(`create index \`case_slas_next_check_at_index\` on \`case_slas\` (\`next_check_at\`);`);

    this.addSql(
      `create table \`sla_policies\` (\`priority\` text check (\`priority\` in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null, \`first_response_minutes\` integer not null, \`resolution_minutes\` integer not null, \`warning_percent\` integer not null default 80, \`updated_by\` text not null, \`updated_at\` datetime not null, primary key (\`priority\`));`,
    );

    this.addSql(
      `create table \`stream_cursors\` (\`name\` text not null, \`position\` bigint not null default 0, \`updated_at\` datetime not null, primary key (\`name\`));`,
    );

    this.addSql(
      `create table \`webhooks\` (\`id\` text not null, \`url\` text not null, \`events\` json not null, \`secret\` text not null, \`description\` text null, \`enabled\` integer not null default true, \`consecutive_failures\` integer not null default 0, \`disabled_reason\` text null, \`created_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`webhook_deliveries\` (\`id\` text not null, \`webhook_id\` text not null, \`event\` text not null, \`event_key\` text not null, \`body\` text not null, \`status\` text check (\`status\` in ('PENDING', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`last_attempt_at\` datetime null, \`response_status\` integer null, \`error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`webhook_deliveries_webhook_id_foreign\` foreign key(\`webhook_id\`) references \`webhooks\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`webhook_deliveries_webhook_id_index\` on \`webhook_deliveries\` (\`webhook_id\`);`);
    this.addSql(
      `create index \`webhook_deliveries_status_next_attempt_at_index\` on \`webhook_deliveries\` (\`status\`, \`next_attempt_at\`);`,
    );
    this.addSql(
      `create index \`webhook_deliveries_webhook_id_created_at_index\` on \`webhook_deliveries\` (\`webhook_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create unique index \`webhook_deliveries_webhook_id_event_key_unique\` on \`webhook_deliveries\` (\`webhook_id\`, \`event_key\`);`,
    );

    this.addSql(
      `create table \`webhook_attempts\` (\`id\` integer not null primary key autoincrement, \`delivery_id\` text not null, \`attempt\` integer not null, \`at\` datetime not null, \`ok\` integer not null, \`response_status\` integer null, \`response_snippet\` text null, \`error\` text null, \`duration_ms\` integer not null, constraint \`webhook_attempts_delivery_id_foreign\` foreign key(\`delivery_id\`) references \`webhook_deliveries\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`webhook_attempts_delivery_id_index\` on \`webhook_attempts\` (\`delivery_id\`);`);
    this.addSql(
      `create index \`webhook_attempts_delivery_id_attempt_index\` on \`webhook_attempts\` (\`delivery_id\`, \`attempt\`);`,
    );
  }
}
