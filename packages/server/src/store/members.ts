import type { RepoContext } from './repo-context.js';

export const memberRoles = ['owner', 'admin', 'member'] as const;
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
  };
}

export type MemberRepo = ReturnType<typeof createMemberRepo>;
