import type { Migration } from './migration.js';

/**
 * Pending invitations to an organization, for e-mail addresses without an account yet.
 * Only the digest of the single-use token is kept (like sessions and API tokens), so a
 * copy of the database cannot be used to join. One open invitation per address and
 * organization: inviting again replaces it.
 */
export const memberInvites: Migration = {
  name: '0010_member_invites',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('member_invites')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      // JSON array of team ids, checked against the organization's teams when the invite is accepted
      .addColumn('team_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('expires_at', big, (c) => c.notNull())
      .addUniqueConstraint('member_invites_org_email', ['org_id', 'email'])
      .execute();
  },
};
