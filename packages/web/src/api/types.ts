// The JSON shapes of /api/0/ as the server serializes them (Sentry's web API shapes).
// Only the fields the UI reads; everything is optional where Sentry leaves it out.

export interface User {
  id: string;
  email: string;
  name: string | null;
  username?: string;
}

export interface Session {
  user: User;
  csrfToken: string | null;
}

export interface Organization {
  id: string;
  slug: string;
  name: string;
  role?: string;
  access?: string[];
  /** false when a superuser opens an organization they do not belong to */
  isMember?: boolean;
}

export interface Team {
  id: string;
  slug: string;
  name: string;
  dateCreated?: string;
  /** in the organization's team list */
  isMember?: boolean;
  memberCount?: number;
  projects?: { id: string; slug: string; name: string }[];
}

export interface Project {
  id: string;
  slug: string;
  name: string;
  platform: string | null;
  dateCreated: string;
  team: Team | null;
  teams?: Team[];
}

export type MemberRole = 'member' | 'admin' | 'manager' | 'owner';

/** A member, or a pending invitation (`pending: true`, id `invite-…`, `user: null`). */
export interface Member {
  id: string;
  email: string;
  name: string | null;
  role: string;
  orgRole?: MemberRole;
  pending?: boolean;
  expired?: boolean;
  teams?: string[];
  dateCreated: string;
  dateExpires?: string;
  user: { id: string; email: string; name: string | null } | null;
}

/** The answer to an invitation or a resend: the link is shown once. */
export interface InviteCreated extends Member {
  inviteLink?: string;
  emailSent?: boolean;
  emailError?: string | null;
}

/** What an invitation link shows before it is accepted. */
export interface InvitePreview {
  organization: { slug: string; name: string };
  email: string;
  orgRole: MemberRole;
  expired: boolean;
  dateExpires: string;
  needsSignIn: boolean;
  signedInAs: string | null;
}

export interface ClientKey {
  id: string;
  name: string;
  public: string;
  secret: string;
  isActive: boolean;
  rateLimit: { window: number; count: number } | null;
  dateCreated: string;
  dsn: { public: string; secret: string; csp: string; security: string; minidump: string };
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  organization: string | null;
  tokenLastCharacters: string;
  dateCreated: string;
  lastUsed: string | null;
  /** Only in the creation response. */
  token?: string;
}

export type IssueStatus = 'unresolved' | 'resolved' | 'ignored' | 'resolvedInNextRelease';
export type Level = 'fatal' | 'error' | 'warning' | 'info' | 'debug' | 'sample';

export interface ReleaseRef {
  version: string;
  shortVersion?: string;
  dateCreated?: string;
}

export interface Assignee {
  type: 'user' | 'team';
  id: string;
  name: string;
  email?: string;
}

export interface StatusDetails {
  ignoreDuration?: number;
  ignoreUntil?: string;
  ignoreCount?: number;
  ignoreWindow?: number;
  ignoreUserCount?: number;
  ignoreUserWindow?: number;
  inNextRelease?: boolean;
  inRelease?: string;
  actor?: User;
}

/** [unix seconds, count] */
export type StatPoint = [number, number];

export interface Issue {
  id: string;
  shortId: string;
  title: string;
  culprit: string | null;
  level: Level | string;
  status: IssueStatus | string;
  substatus?: string | null;
  statusDetails: StatusDetails;
  count: string | number;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  firstRelease: ReleaseRef | null;
  lastRelease: ReleaseRef | null;
  assignedTo: Assignee | null;
  stats?: Record<string, StatPoint[]>;
  permalink?: string;
  /** A feedback issue's metadata also carries the message and the contact (Sentry's feedback issues). */
  metadata?: {
    type?: string;
    value?: string;
    filename?: string;
    function?: string;
    title?: string;
    message?: string;
    name?: string;
    contact_email?: string;
  };
  project?: { id: string; slug: string; name?: string };
  platform?: string;
  type?: string;
  /** `error`, `feedback`, `cron`, `performance` */
  issueCategory?: string;
  /** Issue details only. */
  tags?: TagSummary[];
  activity?: Activity[];
}

export interface Activity {
  id: string;
  type: string;
  dateCreated: string;
  user: User | null;
  data: Record<string, unknown>;
}

export interface TagValue {
  value: string;
  name?: string;
  count: number;
  lastSeen?: string;
  firstSeen?: string;
}

export interface TagSummary {
  key: string;
  name?: string;
  totalValues: number;
  topValues: TagValue[];
}
