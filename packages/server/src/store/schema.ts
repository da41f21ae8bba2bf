import type { Generated } from 'kysely';
import type { AlertTables } from './alert-tables.js';
import type { FeedbackTables } from './feedback-tables.js';
import type { LogTables } from './log-tables.js';
import type { MonitorTables } from './monitor-tables.js';
import type { PerformanceTables } from './performance-tables.js';
import type { PostProcessPendingTable } from './post-process-pending.js';
import type { ReleaseTables } from './release-tables.js';
import type { ReplayTables } from './replay-tables.js';
import type { SessionTables } from './session-tables.js';

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

export interface MemberInviteTable {
  id: Generated<number>;
  org_id: number;
  /** lower-cased */
  email: string;
  role: string;
  /** JSON array of team ids */
  team_ids: string;
  /** SHA-256 of the single-use token */
  token_hash: string;
  invited_by: number | null;
  created_at: number;
  expires_at: number;
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
  /** last short-id number handed out (`PROJ-1A` = 46) */
  issue_counter: Generated<number>;
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

/** A durably accepted envelope waiting for the worker (jobs/). The body is stored as received. */
export interface IngestQueueTable {
  id: Generated<number>;
  project_id: number;
  received_at: number;
  /** envelope header event_id (32 hex) when there was one */
  event_id: string | null;
  /** how `body` is encoded: identity, gzip, deflate, deflate-raw, br, zstd */
  encoding: string;
  body: Uint8Array;
  /** size after decoding, to bound the memory of one claimed batch */
  decoded_bytes: number;
  /** JSON `[[index, type], …]`: the items ingest accepted; the others already have their outcome */
  items: string;
  /** failed processing attempts; the row is given up after a few */
  attempts: number;
  /** the client's address as ingest saw it (0008); null when unknown */
  client_ip: string | null;
  /** the request's User-Agent, kept for envelopes with log items (0023); null otherwise */
  client_user_agent: string | null;
}

/** Events and transactions persisted by the processor; payload is compressed JSON. */
export interface EventTable {
  id: Generated<number>;
  project_id: number;
  event_id: string;
  /** item type: event or transaction */
  type: string;
  received_at: number;
  /** `br`, `deflate-dict` or `identity` (event-payload-codec.ts) */
  payload_encoding: string;
  payload: Uint8Array;
  /** the event_dictionaries row a `deflate-dict` payload needs (0012) */
  dictionary_id: number | null;
  /** set by the processing pipeline (0003); null for transactions and events stored before it */
  issue_id: number | null;
  /** the event's own timestamp, ms */
  timestamp: number | null;
  level: string | null;
  environment: string | null;
  release: string | null;
  /** `id:…`, `email:…`, `username:…` or `ip:…` of the event's user */
  user_key: string | null;
  title: string | null;
}

/** Compression dictionaries of stored events (0012). */
export interface EventDictionaryTable {
  id: Generated<number>;
  project_id: number;
  /** the grouping hash whose events use it */
  group_hash: string;
  created_at: number;
  bytes: Uint8Array;
}

/** Accepted items whose processor does not exist yet (sessions, spans, replays, …), kept verbatim. */
export interface ParkedItemTable {
  id: Generated<number>;
  project_id: number;
  type: string;
  event_id: string | null;
  received_at: number;
  envelope_headers: string;
  item_headers: string;
  payload: Uint8Array;
}

/** Outcome counters per project, data category, outcome, reason and hour. */
export interface OutcomeTable {
  project_id: number;
  /** start of the hour, ms */
  hour: number;
  category: string;
  outcome: string;
  /** '' when the outcome has no reason (accepted) */
  reason: string;
  quantity: number;
}

/** Fixed one-minute rate-limit windows shared by every server process. */
export interface RateWindowTable {
  /** what is counted, e.g. `key:12`, `project:3` */
  scope: string;
  window_start: number;
  count: number;
}

/** A group of events that are one bug. Counters are maintained incrementally by the pipeline. */
export interface IssueTable {
  id: Generated<number>;
  project_id: number;
  short_id: number;
  /** error | default | csp | … (the event type that created it) */
  type: string;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  /** JSON: {type, value, filename, function} as Sentry's `metadata` */
  metadata: string;
  grouping_mechanism: string;
  /** unresolved | resolved | ignored */
  status: string;
  /** new | ongoing | regressed | archived_forever | archived_until_escalating | archived_until_condition_met */
  substatus: string | null;
  /** now | in_next_release | in_release */
  resolution: string | null;
  resolved_in_release: string | null;
  resolved_at: number | null;
  ignore_until: number | null;
  ignore_count: number | null;
  ignore_window_ms: number | null;
  ignore_user_count: number | null;
  ignore_user_window_ms: number | null;
  ignore_baseline_times_seen: number | null;
  ignore_baseline_users: number | null;
  regressed_at: number | null;
  regressed_in_release: string | null;
  first_seen: number;
  last_seen: number;
  first_release: string | null;
  last_release: string | null;
  times_seen: number;
  user_count: number;
  last_event_id: string | null;
  assignee_user_id: number | null;
  assignee_team_id: number | null;
  merged_into_id: number | null;
  created_at: number;
  /** when someone marked the issue reviewed (0004); null = never */
  reviewed_at: Generated<number | null>;
}

export interface IssueHashTable {
  project_id: number;
  mechanism: string;
  hash: string;
  issue_id: number;
}

export interface IssueUserTable {
  issue_id: number;
  user_key: string;
  first_seen: number;
  last_seen: number;
}

export interface IssueHourlyTable {
  issue_id: number;
  /** start of the hour, ms */
  hour: number;
  /** '' when the event had none */
  environment: string;
  /** '' when the event had none */
  release: string;
  count: number;
}

export interface IssueTagTable {
  issue_id: number;
  key: string;
  value: string;
  times_seen: number;
  first_seen: number;
  last_seen: number;
}

export interface IssueActivityTable {
  id: Generated<number>;
  issue_id: number;
  /** set_resolved | set_resolved_in_release | set_ignored | set_unresolved | set_regression | assigned | unassigned | merge | first_seen | note */
  type: string;
  /** JSON details, e.g. {"release": "myapp@1.2.4"} for a regression */
  data: string;
  user_id: number | null;
  created_at: number;
}

/** Alerting's tables (0006) are declared in alert-tables.ts. */
export interface Database extends AlertTables, ReleaseTables, PerformanceTables, SessionTables, MonitorTables, FeedbackTables, ReplayTables, LogTables {
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
  ingest_queue: IngestQueueTable;
  events: EventTable;
  event_dictionaries: EventDictionaryTable;
  parked_items: ParkedItemTable;
  outcomes: OutcomeTable;
  rate_windows: RateWindowTable;
  issues: IssueTable;
  issue_hashes: IssueHashTable;
  issue_users: IssueUserTable;
  issue_hourly: IssueHourlyTable;
  issue_tags: IssueTagTable;
  member_invites: MemberInviteTable;
  issue_activity: IssueActivityTable;
  post_process_pending: PostProcessPendingTable;
}
