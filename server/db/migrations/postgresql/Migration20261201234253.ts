import { Migration } from '@mikro-orm/migrations';

export class Migration20261201234253 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_events" ("id" serial primary key, "at" timestamptz not null, "category" text check ("category" in ('auth', 'security', 'action')) not null, "type" varchar(255) not null, "actor_id" varchar(255) null, "actor_role" varchar(255) null, "case_id" varchar(255) null, "customer_id" varchar(255) null, "ip" varchar(255) null, "request_id" varchar(255) null, "detail" jsonb not null);`,
    );
    this.addSql(`create index "audit_events_at_index" on "audit_events" ("at");`);
    this.addSql(`create index "audit_events_case_id_index" on "audit_events" ("case_id");`);
    this.addSql(`create index "audit_events_category_at_index" on "audit_events" ("category", "at");`);

    this.addSql(
      `create table "customers" ("id" varchar(255) not null, "external_ref" varchar(255) null, "name" varchar(255) not null, "email" varchar(255) null, "phone" varchar(255) null, "country" varchar(255) null, "notes" text null, "is_guest" boolean not null default false, "created_at" timestamptz not null, constraint "customers_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "customers" add constraint "customers_external_ref_unique" unique ("external_ref");`);

    this.addSql(
      `create table "cases" ("id" varchar(255) not null, "customer_id" varchar(255) not null, "subject" varchar(200) not null, "status" text check ("status" in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED')) not null default 'OPEN', "priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null default 'NORMAL', "route" text check ("route" in ('billing', 'technical', 'escalation', 'general')) null, "intent" varchar(255) null, "request_type" varchar(255) not null default 'AUTO', "agent_name" varchar(255) null, "emergency" boolean not null default false, "assignee" varchar(255) null, "context" jsonb null, "work_state" text check ("work_state" in ('IDLE', 'QUEUED', 'RUNNING')) not null default 'IDLE', "seq_reserved" int not null default 0, "prompt_tokens" int not null default 0, "completion_tokens" int not null default 0, "cost_usd" real not null default 0, "summary" text null, "summarized_count" int not null default 0, "security_flag" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, "first_response_at" timestamptz null, "resolved_at" timestamptz null, constraint "cases_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cases_status_created_at_index" on "cases" ("status", "created_at");`);
    this.addSql(`create index "cases_customer_id_created_at_index" on "cases" ("customer_id", "created_at");`);
    this.addSql(`create index "cases_work_state_index" on "cases" ("work_state");`);

    this.addSql(
      `create table "case_events" ("id" serial primary key, "case_id" varchar(255) not null, "seq" int not null, "type" varchar(255) not null, "payload" jsonb not null, "at" timestamptz not null);`,
    );
    this.addSql(`alter table "case_events" add constraint "case_events_case_id_seq_unique" unique ("case_id", "seq");`);

    this.addSql(
      `create table "invoices" ("number" varchar(255) not null, "customer_id" varchar(255) not null, "amount_cents" int not null, "currency" varchar(255) not null, "status" varchar(255) not null, "issued_at" timestamptz not null, "due_at" timestamptz not null, "lines" jsonb not null, constraint "invoices_pkey" primary key ("number"));`,
    );
    this.addSql(`create index "invoices_customer_id_index" on "invoices" ("customer_id");`);

    this.addSql(
      `create table "messages" ("id" varchar(255) not null, "case_id" varchar(255) not null, "author_kind" text check ("author_kind" in ('CUSTOMER', 'AGENT', 'OPERATOR', 'SYSTEM')) not null, "author_name" varchar(255) null, "agent_name" varchar(255) null, "content" text not null, "status" text check ("status" in ('COMPLETE', 'STREAMING', 'INCOMPLETE')) not null default 'COMPLETE', "idempotency_key" varchar(300) null, "citations" jsonb null, "tool_calls" jsonb null, "usage" jsonb null, "model" varchar(255) null, "cost_usd" real null, "latency_ms" int null, "time_to_first_token_ms" int null, "answered" boolean not null default false, "created_at" timestamptz not null, constraint "messages_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "messages" add constraint "messages_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "messages_case_id_created_at_index" on "messages" ("case_id", "created_at");`);

    this.addSql(
      `create table "orders" ("number" varchar(255) not null, "customer_id" varchar(255) not null, "status" varchar(255) not null, "items" jsonb not null, "shipping_cents" int not null, "total_cents" int not null, "currency" varchar(255) not null, "shipping_method" varchar(255) not null, "carrier" varchar(255) null, "tracking_number" varchar(255) null, "placed_at" timestamptz not null, "eta" timestamptz null, "delivered_at" timestamptz null, "address" jsonb not null, constraint "orders_pkey" primary key ("number"));`,
    );
    this.addSql(`create index "orders_customer_id_index" on "orders" ("customer_id");`);

    this.addSql(
      `create table "payments" ("ref" varchar(255) not null, "customer_id" varchar(255) not null, "invoice_number" varchar(255) null, "amount_cents" int not null, "refunded_cents" int not null default 0, "currency" varchar(255) not null, "method" varchar(255) not null, "status" varchar(255) not null, "failure_reason" varchar(255) null, "paid_at" timestamptz not null, constraint "payments_pkey" primary key ("ref"));`,
    );
    this.addSql(`create index "payments_customer_id_index" on "payments" ("customer_id");`);

    this.addSql(
      `create table "plans" ("code" varchar(255) not null, "name" varchar(255) not null, "monthly_price_cents" int not null, "annual_price_cents" int not null, "features" jsonb not null, "max_devices" int null, constraint "plans_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "refunds" ("id" varchar(255) not null, "customer_id" varchar(255) not null, "payment_ref" varchar(255) not null, "amount_cents" int not null, "currency" varchar(255) not null, "status" varchar(255) not null, "reason" text not null, "case_id" varchar(255) null, "created_at" timestamptz not null, constraint "refunds_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "refunds_customer_id_index" on "refunds" ("customer_id");`);

    this.addSql(
      `create table "service_incidents" ("id" serial primary key, "component" varchar(255) not null, "status" varchar(255) not null, "title" varchar(255) not null, "regions" jsonb not null, "started_at" timestamptz not null, "resolved_at" timestamptz null);`,
    );

    this.addSql(
      `create table "subscriptions" ("id" varchar(255) not null, "customer_id" varchar(255) not null, "plan_code" varchar(255) not null, "status" varchar(255) not null, "billing_cycle" varchar(255) not null, "price_cents" int not null, "started_at" timestamptz not null, "renews_at" timestamptz null, constraint "subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "subscriptions_customer_id_index" on "subscriptions" ("customer_id");`);

    this.addSql(
      `alter table "cases" add constraint "cases_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_events" add constraint "case_events_case_id_foreign" foreign key ("case_id") references "cases" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "invoices" add constraint "invoices_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "messages" add constraint "messages_case_id_foreign" foreign key ("case_id") references "cases" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "orders" add constraint "orders_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "payments" add constraint "payments_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "refunds" add constraint "refunds_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_plan_code_foreign" foreign key ("plan_code") references "plans" ("code") on update cascade;`,
    );

    // The audit trail is append-only: the database itself refuses to change or remove a row.
    this.addSql(
      `create function "audit_events_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit events are append-only'; end; $$;`,
    );
    this.addSql(
      `create trigger "audit_events_no_update" before update on "audit_events" for each row execute function "audit_events_append_only"();`,
    );
    this.addSql(
      `create trigger "audit_events_no_delete" before delete on "audit_events" for each row execute function "audit_events_append_only"();`,
    );
    this.addSql(
      `create trigger "audit_events_no_truncate" before truncate on "audit_events" for each statement execute function "audit_events_append_only"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "audit_events_append_only"() cascade;`);

    this.addSql(`alter table "cases" drop constraint "cases_customer_id_foreign";`);

    this.addSql(`alter table "invoices" drop constraint "invoices_customer_id_foreign";`);

    this.addSql(`alter table "orders" drop constraint "orders_customer_id_foreign";`);

    this.addSql(`alter table "payments" drop constraint "payments_customer_id_foreign";`);

    this.addSql(`alter table "refunds" drop constraint "refunds_customer_id_foreign";`);

    this.addSql(`alter table "subscriptions" drop constraint "subscriptions_customer_id_foreign";`);

    this.addSql(`alter table "case_events" drop constraint "case_events_case_id_foreign";`);

    this.addSql(`alter table "messages" drop constraint "messages_case_id_foreign";`);

    this.addSql(`alter table "subscriptions" drop constraint "subscriptions_plan_code_foreign";`);

    this.addSql(`drop table if exists "audit_events" cascade;`);

    this.addSql(`drop table if exists "customers" cascade;`);

    this.addSql(`drop table if exists "cases" cascade;`);

    this.addSql(`drop table if exists "case_events" cascade;`);

    this.addSql(`drop table if exists "invoices" cascade;`);

    this.addSql(`drop table if exists "messages" cascade;`);

    this.addSql(`drop table if exists "orders" cascade;`);

    this.addSql(`drop table if exists "payments" cascade;`);

    this.addSql(`drop table if exists "plans" cascade;`);

    this.addSql(`drop table if exists "refunds" cascade;`);

    this.addSql(`drop table if exists "service_incidents" cascade;`);

    this.addSql(`drop table if exists "subscriptions" cascade;`);
  }
}
