import { Migration } from '@mikro-orm/migrations';

export class Migration20261202005748 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "canned_responses" ("id" varchar(255) not null, "title" varchar(255) not null, "body" text not null, "actions" jsonb not null, "created_by" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "canned_responses_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "canned_responses" add constraint "canned_responses_title_unique" unique ("title");`);

    this.addSql(
      `create table "case_ratings" ("id" varchar(255) not null, "case_id" varchar(255) not null, "customer_id" varchar(255) not null, "score" int not null, "comment" text null, "resolved_at" timestamptz not null, "created_at" timestamptz not null, constraint "case_ratings_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_ratings_created_at_index" on "case_ratings" ("created_at");`);
    this.addSql(
      `alter table "case_ratings" add constraint "case_ratings_case_id_resolved_at_unique" unique ("case_id", "resolved_at");`,
    );

    this.addSql(
      `create table "case_notes" ("id" varchar(255) not null, "case_id" varchar(255) not null, "author_id" varchar(255) not null, "author_name" varchar(255) not null, "body" text not null, "created_at" timestamptz not null, constraint "case_notes_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_notes_case_id_created_at_index" on "case_notes" ("case_id", "created_at");`);

    this.addSql(
      `create table "labels" ("name" varchar(255) not null, "color" varchar(255) not null default '#64748b', "description" varchar(255) null, "created_at" timestamptz not null, constraint "labels_pkey" primary key ("name"));`,
    );

    this.addSql(
      `create table "case_labels" ("id" serial primary key, "case_id" varchar(255) not null, "label_name" varchar(255) not null, "added_by" varchar(255) not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "case_labels_label_name_index" on "case_labels" ("label_name");`);
    this.addSql(
      `alter table "case_labels" add constraint "case_labels_case_id_label_name_unique" unique ("case_id", "label_name");`,
    );

    this.addSql(
      `create table "operators" ("id" varchar(255) not null, "name" varchar(255) not null, "email" varchar(255) null, "role" text check ("role" in ('operator', 'admin')) not null default 'operator', "team" text check ("team" in ('billing', 'technical', 'escalations')) null, "availability" text check ("availability" in ('online', 'away', 'offline')) not null default 'offline', "capacity" int not null default 5, "last_assigned_at" timestamptz null, "created_at" timestamptz not null, constraint "operators_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "operators_team_availability_index" on "operators" ("team", "availability");`);

    this.addSql(
      `create table "pending_actions" ("id" varchar(255) not null, "case_id" varchar(255) not null, "customer_id" varchar(255) not null, "kind" text check ("kind" in ('REFUND')) not null, "payment_ref" varchar(255) null, "order_number" varchar(255) null, "invoice_number" varchar(255) null, "amount_cents" int not null, "currency" varchar(255) not null, "reason" text not null, "verdict" jsonb not null, "status" text check ("status" in ('PENDING', 'CONFIRMED', 'DECLINED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'EXECUTED')) not null default 'PENDING', "decided_by" varchar(255) null, "decided_at" timestamptz null, "reviewed_by" varchar(255) null, "reviewed_at" timestamptz null, "review_note" text null, "refund_id" varchar(255) null, "executed_at" timestamptz null, "created_at" timestamptz not null, constraint "pending_actions_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pending_actions_customer_id_index" on "pending_actions" ("customer_id");`);
    this.addSql(
      `create index "pending_actions_case_id_created_at_index" on "pending_actions" ("case_id", "created_at");`,
    );
    this.addSql(
      `create index "pending_actions_status_created_at_index" on "pending_actions" ("status", "created_at");`,
    );

    this.addSql(
      `create table "saved_views" ("id" varchar(255) not null, "operator_id" varchar(255) not null, "name" varchar(255) not null, "filter" jsonb not null, "created_at" timestamptz not null, constraint "saved_views_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "saved_views" add constraint "saved_views_operator_id_name_unique" unique ("operator_id", "name");`,
    );

    this.addSql(
      `alter table "case_ratings" add constraint "case_ratings_case_id_foreign" foreign key ("case_id") references "cases" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_notes" add constraint "case_notes_case_id_foreign" foreign key ("case_id") references "cases" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_labels" add constraint "case_labels_case_id_foreign" foreign key ("case_id") references "cases" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_labels" add constraint "case_labels_label_name_foreign" foreign key ("label_name") references "labels" ("name") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "pending_actions" add constraint "pending_actions_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`,
    );

    this.addSql(`alter table "cases" add column "team" varchar(255) null;`);
    this.addSql(`create index "cases_assignee_index" on "cases" ("assignee");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_labels" drop constraint "case_labels_label_name_foreign";`);

    this.addSql(`drop table if exists "canned_responses" cascade;`);

    this.addSql(`drop table if exists "case_ratings" cascade;`);

    this.addSql(`drop table if exists "case_notes" cascade;`);

    this.addSql(`drop table if exists "labels" cascade;`);

    this.addSql(`drop table if exists "case_labels" cascade;`);

    this.addSql(`drop table if exists "operators" cascade;`);

    this.addSql(`drop table if exists "pending_actions" cascade;`);

    this.addSql(`drop table if exists "saved_views" cascade;`);

    this.addSql(`drop index "cases_assignee_index";`);
    this.addSql(`alter table "cases" drop column "team";`);
  }
}
