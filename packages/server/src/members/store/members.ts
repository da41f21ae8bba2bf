import type { RepoContext } from '../../store/index.js';

/** Sentry's organization roles, weakest first: the order is the rank (who may grant what). */
export const memberRoles = ['member', 'admin', 'manager', 'owner'] as const;
export type MemberRole = (typeof memberRoles)[number];

export interface Member {
  id: number;
  orgId: number;
  userId: number;
  role: MemberRole;
  email: string;
  name: string;
  createdAt: number;
}

export function isMemberRole(v: string): v is MemberRole {
  return (memberRoles as readonly string[]).includes(v);
}

export function createMemberRepo({ db, clock }: RepoContext) {
  const base = () =>
    db
      .selectFrom('members')
      .innerJoin('users', 'users.id', 'members.user_id')
      .select(['members.id', 'members.org_id', 'members.user_id', 'members.role', 'members.created_at', 'users.email', 'users.name']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toMember = (r: Row): Member => ({
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    role: isMemberRole(r.role) ? r.role : 'member',
    email: r.email,
    name: r.name,
    createdAt: r.created_at,
  });
  return {
    async add(orgId: number, userId: number, role: MemberRole): Promise<void> {
      await db
        .insertInto('members')
        .values({ org_id: orgId, user_id: userId, role, created_at: clock.now() })
        .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
        .execute();
    },
    async find(orgId: number, userId: number): Promise<Member | undefined> {
      const row = await base().where('members.org_id', '=', orgId).where('members.user_id', '=', userId).executeTakeFirst();
      return row && toMember(row);
    },
    async list(orgId: number): Promise<Member[]> {
      const rows = await base().where('members.org_id', '=', orgId).orderBy('members.id').execute();
      return rows.map(toMember);
    },
    /** A member by id, only within its organization (another organization's id finds nothing). */
    async byId(orgId: number, memberId: number): Promise<Member | undefined> {
      const row = await base().where('members.org_id', '=', orgId).where('members.id', '=', memberId).executeTakeFirst();
      return row && toMember(row);
    },
    async setRole(orgId: number, memberId: number, role: MemberRole): Promise<void> {
      await db.updateTable('members').set({ role }).where('org_id', '=', orgId).where('id', '=', memberId).execute();
    },
    /** Removes the membership; team memberships go with it (foreign key cascade). */
    async remove(orgId: number, memberId: number): Promise<void> {
      await db.deleteFrom('members').where('org_id', '=', orgId).where('id', '=', memberId).execute();
    },
    async countOwners(orgId: number): Promise<number> {
      const r = await db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Team slugs per member id of an organization (Sentry's member `teams`). */
    async teamSlugs(orgId: number): Promise<Map<number, string[]>> {
      const rows = await db
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select(['team_members.member_id', 'teams.slug'])
        .where('teams.org_id', '=', orgId)
        .orderBy('teams.slug')
        .execute();
      const out = new Map<number, string[]>();
      for (const r of rows) out.set(r.member_id, [...(out.get(r.member_id) ?? []), r.slug]);
      return out;
    },
  };
}

export type MemberRepo = ReturnType<typeof createMemberRepo>;
