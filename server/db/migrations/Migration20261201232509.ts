import { Migration } from '@mikro-orm/migrations';

export class Migration20261201232509 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`canned_responses\` (\`id\` text not null, \`title\` text not null, \`body\` text not null, \`actions\` json not null, \`created_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`canned_responses_title_unique\` on \`canned_responses\` (\`title\`);`);

    this.addSql(
      `create table \`case_ratings\` (\`id\` text not null, \`case_id\` text not null, \`customer_id\` text not null, \`score\` integer not null, \`comment\` text null, \`resolved_at\` datetime not null, \`created_at\` datetime not null, constraint \`case_ratings_case_id_foreign\` foreign key(\`case_id\`) references \`cases\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`case_ratings_case_id_index\` on \`case_ratings\` (\`case_id\`);`);
    this.addSql(`create index \`case_ratings_created_at_index\` on \`case_ratings\` (\`created_at\`);`);
    this.addSql(
      `create unique index \`case_ratings_case_id_resolved_at_unique\` on \`case_ratings\` (\`case_id\`, \`resolved_at\`);`,
    );

    this.addSql(
      `create table \`case_notes\` (\`id\` text not null, \`case_id\` text not null, \`author_id\` text not null, \`author_name\` text not null, \`body\` text not null, \`created_at\` datetime not null, constraint \`case_notes_case_id_foreign\` foreign key(\`case_id\`) references \`cases\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`case_notes_case_id_index\` on \`case_notes\` (\`case_id\`);`);
    this.addSql(
      `create index \`case_notes_case_id_created_at_index\` on \`case_notes\` (\`case_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`labels\` (\`name\` text not null, \`color\` text not null default '#64748b', \`description\` text null, \`created_at\` datetime not null, primary key (\`name\`));`,
    );

    this.addSql(
      `create table \`case_labels\` (\`id\` integer not null primary key autoincrement, \`case_id\` text not null, \`label_name\` text not null, \`added_by\` text not null, \`created_at\` datetime not null, constraint \`case_labels_case_id_foreign\` foreign key(\`case_id\`) references \`cases\`(\`id\`) on update cascade, constraint \`case_labels_label_name_foreign\` foreign key(\`label_name\`) references \`labels\`(\`name\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`case_labels_case_id_index\` on \`case_labels\` (\`case_id\`);`);
    this.addSql(`create index \`case_labels_label_name_index\` on \`case_labels\` (\`label_name\`);`);
    this.addSql(
      `create unique index \`case_labels_case_id_label_name_unique\` on \`case_labels\` (\`case_id\`, \`label_name\`);`,
    );

    this.addSql(
      `create table \`operators\` (\`id\` text not null, \`name\` text not null, \`email\` text null, \`role\` text check (\`role\` in ('operator', 'admin')) not null default 'operator', \`team\` text check (\`team\` in ('billing', 'technical', 'escalations')) null, \`availability\` text check (\`availability\` in ('online', 'away', 'offline')) not null default 'offline', \`capacity\` integer not null default 5, \`last_assigned_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`operators_team_availability_index\` on \`operators\` (\`team\`, \`availability\`);`);

    this.addSql(
      `create table \`saved_views\` (\`id\` text not null, \`operator_id\` text not null, \`name\` text not null, \`filter\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`saved_views_operator_id_name_unique\` on \`saved_views\` (\`operator_id\`, \`name\`);`,
    );

    this.addSql(`alter table \`cases\` add column \`team\` text null;`);
    this.addSql(`create index \`cases_assignee_index\` on \`cases\` (\`assignee\`);`);
  }
}
