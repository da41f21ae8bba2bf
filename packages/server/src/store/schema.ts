import type { Generated } from 'kysely';

/**
 * Row types of every table. Times are integer milliseconds since the epoch and
 * JSON is stored as text, so both dialects hold identical values.
 */
export interface OrganizationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: number;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  is_superuser: number;
  created_at: number;
}

export interface MemberTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  role: string;
  created_at: number;
}

export interface TeamTable {
  id: Generated<number>;
  org_id: number;
  slug: string;
  name: string;
  created_at: number;
}

export interface TeamMemberTable {
  team_id: number;
  member_id: number;
}

export interface ProjectTable {
  id: Generated<number>;
  org_id: number;
  slug: string;
  name: string;
  platform: string | null;
  settings: string;
  created_at: number;
}

export interface ProjectTeamTable {
  project_id: number;
  team_id: number;
}

export interface ClientKeyTable {
  id: Generated<number>;
  project_id: number;
  label: string;
  public_key: string;
  secret_key: string;
  enabled: number;
  /** events per minute; null = unlimited */
  rate_limit: number | null;
  created_at: number;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  /** set for organization tokens: the token reaches only this organization */
  org_id: number | null;
  name: string;
  token_hash: string;
  token_last_chars: string;
  scopes: string;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  /** lower-cased e-mail or client address the attempt is counted against */
  subject: string;
  at: number;
}

export interface Database {
  organizations: OrganizationTable;
  users: UserTable;
  members: MemberTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  projects: ProjectTable;
  project_teams: ProjectTeamTable;
  client_keys: ClientKeyTable;
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
}
