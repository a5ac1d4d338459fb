import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search (SQLite FTS5) over case subjects and message contents: external-content
 * tables keyed by rowid, kept in step by triggers, filled from the rows that exist.
 */
export class Migration20261201234000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create virtual table \`cases_fts\` using fts5(subject, content='cases', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');`,
    );
    this.addSql(
      `create virtual table \`messages_fts\` using fts5(content, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');`,
    );
    this.addSql(
      `create trigger \`cases_fts_ai\` after insert on \`cases\` begin insert into \`cases_fts\`(rowid, subject) values (new.rowid, new.subject); end;`,
    );
    this.addSql(
      `create trigger \`cases_fts_ad\` after delete on \`cases\` begin insert into \`cases_fts\`(\`cases_fts\`, rowid, subject) values ('delete', old.rowid, old.subject); end;`,
    );
    this.addSql(
      `create trigger \`cases_fts_au\` after update of \`subject\` on \`cases\` begin insert into \`cases_fts\`(\`cases_fts\`, rowid, subject) values ('delete', old.rowid, old.subject); insert into \`cases_fts\`(rowid, subject) values (new.rowid, new.subject); end;`,
    );
    this.addSql(
      `create trigger \`messages_fts_ai\` after insert on \`messages\` begin insert into \`messages_fts\`(rowid, content) values (new.rowid, new.content); end;`,
    );
    this.addSql(
      `create trigger \`messages_fts_ad\` after delete on \`messages\` begin insert into \`messages_fts\`(\`messages_fts\`, rowid, content) values ('delete', old.rowid, old.content); end;`,
    );
    this.addSql(
      `create trigger \`messages_fts_au\` after update of \`content\` on \`messages\` begin insert into \`messages_fts\`(\`messages_fts\`, rowid, content) values ('delete', old.rowid, old.content); insert into \`messages_fts\`(rowid, content) values (new.rowid, new.content); end;`,
    );
    this.addSql(`insert into \`cases_fts\`(\`cases_fts\`) values ('rebuild');`);
    this.addSql(`insert into \`messages_fts\`(\`messages_fts\`) values ('rebuild');`);
  }
}
