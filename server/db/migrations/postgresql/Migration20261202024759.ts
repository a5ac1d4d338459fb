import { Migration } from '@mikro-orm/migrations';

export class Migration20261202024759 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "business_hours" ("id" varchar(255) not null, "timezone" varchar(255) not null, "weekly" jsonb not null, "holidays" jsonb not null, "updated_by" varchar(255) not null, "updated_at" timestamptz not null, constraint "business_hours_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "case_slas" ("case_id" varchar(255) not null, "priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null, "started_at" timestamptz not null, "first_response_due_at" timestamptz null, "resolution_due_at" timestamptz null, "first_response_warn_at" timestamptz null, "resolution_warn_at" timestamptz null, "first_response_warned" boolean not null default false, "first_response_breached" boolean not null default false, "resolution_warned" boolean not null default false, "resolution_breached" boolean not null default false, "paused_at" timestamptz null, "paused_ms" bigint not null default 0, "stopped_at" timestamptz null, "next_check_at" timestamptz null, constraint "case_slas_pkey" primary key ("case_id"));`,
    );
    this.addSql(`create index "case_slas_next_check_at_index" on "case_slas" ("next_check_at");`);

    this.addSql(
      `create table "sla_policies" ("priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null, "first_response_minutes" int not null, "resolution_minutes" int not null, "warning_percent" int not null default 80, "updated_by" varchar(255) not null, "updated_at" timestamptz not null, constraint "sla_policies_pkey" primary key ("priority"));`,
    );

    this.addSql(
      `create table "stream_cursors" ("name" varchar(255) not null, "position" bigint not null default 0, "updated_at" timestamptz not null, constraint "stream_cursors_pkey" primary key ("name"));`,
    );

    this.addSql(
      `create table "webhooks" ("id" varchar(255) not null, "url" varchar(2000) not null, "events" jsonb not null, "secret" varchar(255) not null, "description" varchar(255) null, "enabled" boolean not null default true, "consecutive_failures" int not null default 0, "disabled_reason" varchar(500) null, "created_by" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "webhooks_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "webhook_deliveries" ("id" varchar(255) not null, "webhook_id" varchar(255) not null, "event" varchar(255) not null, "event_key" varchar(255) not null, "body" text not null, "status" text check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_attempt_at" timestamptz null, "response_status" int null, "error" varchar(500) null, "delivered_at" timestamptz null, "created_at" timestamptz not null, constraint "webhook_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_deliveries_status_next_attempt_at_index" on "webhook_deliveries" ("status", "next_attempt_at");`,
    );
    this.addSql(
      `create index "webhook_deliveries_webhook_id_created_at_index" on "webhook_deliveries" ("webhook_id", "created_at");`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_webhook_id_event_key_unique" unique ("webhook_id", "event_key");`,
    );

    this.addSql(
      `create table "webhook_attempts" ("id" serial primary key, "delivery_id" varchar(255) not null, "attempt" int not null, "at" timestamptz not null, "ok" boolean not null, "response_status" int null, "response_snippet" varchar(500) null, "error" varchar(500) null, "duration_ms" int not null);`,
    );
    this.addSql(
      `create index "webhook_attempts_delivery_id_attempt_index" on "webhook_attempts" ("delivery_id", "attempt");`,
    );

    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_webhook_id_foreign" foreign key ("webhook_id") references "webhooks" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_attempts" add constraint "webhook_attempts_delivery_id_foreign" foreign key ("delivery_id") references "webhook_deliveries" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_webhook_id_foreign";`);

    this.addSql(`alter table "webhook_attempts" drop constraint "webhook_attempts_delivery_id_foreign";`);

    this.addSql(`drop table if exists "business_hours" cascade;`);

    this.addSql(`drop table if exists "case_slas" cascade;`);

    this.addSql(`drop table if exists "sla_policies" cascade;`);

    this.addSql(`drop table if exists "stream_cursors" cascade;`);

    this.addSql(`drop table if exists "webhooks" cascade;`);

    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);

    this.addSql(`drop table if exists "webhook_attempts" cascade;`);
  }
}
