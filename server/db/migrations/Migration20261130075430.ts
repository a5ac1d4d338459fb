import { Migration } from '@mikro-orm/migrations';

export class Migration20261130075430 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`customers\` (\`id\` text not null, \`external_ref\` text null, \`name\` text not null, \`email\` text null, \`phone\` text null, \`country\` text null, \`notes\` text null, \`is_guest\` integer not null default false, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`customers_external_ref_unique\` on \`customers\` (\`external_ref\`);`);

    this.addSql(
      `create table \`cases\` (\`id\` text not null, \`customer_id\` text not null, \`subject\` text not null, \`status\` text check (\`status\` in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED')) not null default 'OPEN', \`priority\` text check (\`priority\` in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null default 'NORMAL', \`route\` text check (\`route\` in ('billing', 'technical', 'escalation', 'general')) null, \`intent\` text null, \`request_type\` text not null default 'AUTO', \`agent_name\` text null, \`emergency\` integer not null default false, \`assignee\` text null, \`context\` json null, \`work_state\` text check (\`work_state\` in ('IDLE', 'QUEUED', 'RUNNING')) not null default 'IDLE', \`seq_reserved\` integer not null default 0, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`first_response_at\` datetime null, \`resolved_at\` datetime null, constraint \`cases_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`cases_customer_id_index\` on \`cases\` (\`customer_id\`);`);
    this.addSql(`create index \`cases_status_created_at_index\` on \`cases\` (\`status\`, \`created_at\`);`);
    this.addSql(`create index \`cases_customer_id_created_at_index\` on \`cases\` (\`customer_id\`, \`created_at\`);`);
    this.addSql(`create index \`cases_work_state_index\` on \`cases\` (\`work_state\`);`);

    this.addSql(
      `create table \`case_events\` (\`id\` integer not null primary key autoincrement, \`case_id\` text not null, \`seq\` integer not null, \`type\` text not null, \`payload\` json not null, \`at\` datetime not null, constraint \`case_events_case_id_foreign\` foreign key(\`case_id\`) references \`cases\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`case_events_case_id_index\` on \`case_events\` (\`case_id\`);`);
    this.addSql(`create unique index \`case_events_case_id_seq_unique\` on \`case_events\` (\`case_id\`, \`seq\`);`);

    this.addSql(
      `create table \`invoices\` (\`number\` text not null, \`customer_id\` text not null, \`amount_cents\` integer not null, \`currency\` text not null, \`status\` text not null, \`issued_at\` datetime not null, \`due_at\` datetime not null, \`lines\` json not null, constraint \`invoices_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on update cascade, primary key (\`number\`));`,
    );
    this.addSql(`create index \`invoices_customer_id_index\` on \`invoices\` (\`customer_id\`);`);

    this.addSql(
      `create table \`messages\` (\`id\` text not null, \`case_id\` text not null, \`author_kind\` text check (\`author_kind\` in ('CUSTOMER', 'AGENT', 'OPERATOR', 'SYSTEM')) not null, \`author_name\` text null, \`agent_name\` text null, \`content\` text not null, \`status\` text check (\`status\` in ('COMPLETE', 'STREAMING', 'INCOMPLETE')) not null default 'COMPLETE', \`idempotency_key\` text null, \`citations\` json null, \`tool_calls\` json null, \`usage\` json null, \`latency_ms\` integer null, \`time_to_first_token_ms\` integer null, \`answered\` integer not null default false, \`created_at\` datetime not null, constraint \`messages_case_id_foreign\` foreign key(\`case_id\`) references \`cases\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`messages_case_id_index\` on \`messages\` (\`case_id\`);`);
    this.addSql(`create unique index \`messages_idempotency_key_unique\` on \`messages\` (\`idempotency_key\`);`);
    this.addSql(`create index \`messages_case_id_created_at_index\` on \`messages\` (\`case_id\`, \`created_at\`);`);

    this.addSql(
      `create table \`orders\` (\`number\` text not null, \`customer_id\` text not null, \`status\` text not null, \`items\` json not null, \`shipping_cents\` integer not null, \`total_cents\` integer not null, \`currency\` text not null, \`shipping_method\` text not null, \`carrier\` text null, \`tracking_number\` text null, \`placed_at\` datetime not null, \`eta\` datetime null, \`delivered_at\` datetime null, \`address\` json not null, constraint \`orders_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on update cascade, primary key (\`number\`));`,
    );
    this.addSql(`create index \`orders_customer_id_index\` on \`orders\` (\`customer_id\`);`);

    this.addSql(
      `create table \`payments\` (\`ref\` text not null, \`customer_id\` text not null, \`invoice_number\` text null, \`amount_cents\` integer not null, \`refunded_cents\` integer not null default 0, \`currency\` text not null, \`method\` text not null, \`status\` text not null, \`failure_reason\` text null, \`paid_at\` datetime not null, constraint \`payments_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on update cascade, primary key (\`ref\`));`,
    );
    this.addSql(`create index \`payments_customer_id_index\` on \`payments\` (\`customer_id\`);`);

    this.addSql(
      `create table \`plans\` (\`code\` text not null, \`name\` text not null, \`monthly_price_cents\` integer not null, \`annual_price_cents\` integer not null, \`features\` json not null, \`max_devices\` integer null, primary key (\`code\`));`,
    );

    this.addSql(
      `create table \`refunds\` (\`id\` text not null, \`customer_id\` text not null, \`payment_ref\` text not null, \`amount_cents\` integer not null, \`currency\` text not null, \`status\` text not null, \`reason\` text not null, \`case_id\` text null, \`created_at\` datetime not null, constraint \`refunds_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`refunds_customer_id_index\` on \`refunds\` (\`customer_id\`);`);

    this.addSql(
      `create table \`service_incidents\` (\`id\` integer not null primary key autoincrement, \`component\` text not null, \`status\` text not null, \`title\` text not null, \`regions\` json not null, \`started_at\` datetime not null, \`resolved_at\` datetime null);`,
    );

    this.addSql(
      `create table \`subscriptions\` (\`id\` text not null, \`customer_id\` text not null, \`plan_code\` text not null, \`status\` text not null, \`billing_cycle\` text not null, \`price_cents\` integer not null, \`started_at\` datetime not null, \`renews_at\` datetime null, constraint \`subscriptions_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on update cascade, constraint \`subscriptions_plan_code_foreign\` foreign key(\`plan_code\`) references \`plans\`(\`code\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`subscriptions_customer_id_index\` on \`subscriptions\` (\`customer_id\`);`);
    this.addSql(`create index \`subscriptions_plan_code_index\` on \`subscriptions\` (\`plan_code\`);`);
  }
}
