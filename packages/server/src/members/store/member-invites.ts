import type { Selectable } from 'kysely';
import type { MemberInviteTable, RepoContext } from '../../store/index.js';
import { isMemberRole, type MemberRole } from './members.js';

/** A pending invitation to an organization; the token itself is never stored, only its digest. */
export interface MemberInvite {
  id: number;
  orgId: number;
  email: string;
  role: MemberRole;
  teamIds: number[];
  invitedBy: number | null;
  createdAt: number;
  expiresAt: number;
}

function teamIdsOf(text: string): number[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

function toInvite(r: Selectable<MemberInviteTable>): MemberInvite {
  return {
    id: r.id,
    orgId: r.org_id,
    email: r.email,
    role: isMemberRole(r.role) ? r.role : 'member',
    teamIds: teamIdsOf(r.team_ids),
    invitedBy: r.invited_by,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
  };
}

export function createMemberInviteRepo({ db, clock }: RepoContext) {
  return {
    /** Creates or replaces the organization's invitation for the address (a new token voids the old one). */
    async upsert(input: {
      orgId: number;
      email: string;
      role: MemberRole;
      teamIds: number[];
      tokenHash: string;
      invitedBy: number;
      ttlMs: number;
    }): Promise<MemberInvite> {
      const now = clock.now();
      const values = {
        org_id: input.orgId,
        email: input.email.toLowerCase(),
        role: input.role,
        team_ids: JSON.stringify(input.teamIds),
        token_hash: input.tokenHash,
        invited_by: input.invitedBy,
        created_at: now,
        expires_at: now + input.ttlMs,
      };
      const row = await db
        .insertInto('member_invites')
        .values(values)
        .onConflict((oc) => oc.columns(['org_id', 'email']).doUpdateSet({ ...values }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toInvite(row);
    },
    async list(orgId: number): Promise<MemberInvite[]> {
      const rows = await db.selectFrom('member_invites').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
      return rows.map(toInvite);
    },
    /** An invitation by id, only within its organization. */
    async byId(orgId: number, id: number): Promise<MemberInvite | undefined> {
      const row = await db.selectFrom('member_invites').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
      return row && toInvite(row);
    },
    /** The invitation a link names: its id and the digest of its token must both match. */
    async byIdAndToken(id: number, tokenHash: string): Promise<MemberInvite | undefined> {
      const row = await db.selectFrom('member_invites').selectAll().where('id', '=', id).where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && toInvite(row);
    },
    /** Sets a fresh token and expiry (resend). */
    async renew(orgId: number, id: number, tokenHash: string, ttlMs: number): Promise<MemberInvite | undefined> {
      const now = clock.now();
      const row = await db
        .updateTable('member_invites')
        .set({ token_hash: tokenHash, created_at: now, expires_at: now + ttlMs })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toInvite(row);
    },
    /** Deletes the invitation; true when this call removed it (a token is used once even under races). */
    async remove(orgId: number, id: number): Promise<boolean> {
      const r = await db.deleteFrom('member_invites').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

export type MemberInviteRepo = ReturnType<typeof createMemberInviteRepo>;
