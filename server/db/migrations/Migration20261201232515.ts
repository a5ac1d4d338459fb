import { Migration } from '@mikro-orm/migrations';

/** Pending actions: refunds and other changes proposed by agents, carried out only after consent (and review). */
export class Migration20261201232515 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`pending_actions\` (\`id\` text not null, \`case_id\` text not null, \`customer_id\` text not null, \`kind\` text check (\`kind\` in ('REFUND')) not null, \`payment_ref\` text null, \`order_number\` text null, \`invoice_number\` text null, \`amount_cents\` integer not null, \`currency\` text not null, \`reason\` text not null, \`verdict\` json not null, \`status\` text check (\`status\` in ('PENDING', 'CONFIRMED', 'DECLINED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'EXECUTED')) not null default 'PENDING', \`decided_by\` text null, \`decided_at\` datetime null, \`reviewed_by\` text null, \`reviewed_at\` datetime null, \`review_note\` text null, \`refund_id\` text null, \`executed_at\` datetime null, \`created_at\` datetime not null, constraint \`pending_actions_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`pending_actions_customer_id_index\` on \`pending_actions\` (\`customer_id\`);`);
    this.addSql(
      `create index \`pending_actions_case_id_created_at_index\` on \`pending_actions\` (\`case_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`pending_actions_status_created_at_index\` on \`pending_actions\` (\`status\`, \`created_at\`);`,
    );
  }
}
