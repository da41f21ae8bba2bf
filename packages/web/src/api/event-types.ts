// Sentry's API event JSON (`/issues/{id}/events/{eventId}/`): the interfaces arrive as `entries`.

export interface Frame {
  filename?: string | null;
  absPath?: string | null;
  module?: string | null;
  package?: string | null;
  function?: string | null;
  rawFunction?: string | null;
  lineNo?: number | null;
  colNo?: number | null;
  inApp?: boolean | null;
  /** [line number, source line] pairs around lineNo. */
  context?: [number, string][] | null;
  vars?: Record<string, unknown> | null;
  platform?: string | null;
  instructionAddr?: string | null;
  data?: Record<string, unknown> | null;
}

export interface Stacktrace {
  frames: Frame[];
  framesOmitted?: [number, number] | null;
  hasSystemFrames?: boolean;
}

export interface Mechanism {
  type?: string;
  handled?: boolean | null;
  synthetic?: boolean | null;
  exception_id?: number;
  parent_id?: number | null;
  description?: string | null;
}

export interface ExceptionValue {
  type?: string | null;
  value?: string | null;
  module?: string | null;
  mechanism?: Mechanism | null;
  stacktrace?: Stacktrace | null;
  /** The stack as the SDK sent it, before source maps; present when frames were resolved. */
  rawStacktrace?: Stacktrace | null;
}

export interface Breadcrumb {
  type?: string | null;
  category?: string | null;
  level?: string | null;
  message?: string | null;
  data?: Record<string, unknown> | null;
  timestamp?: string | number | null;
}

export interface RequestData {
  url?: string | null;
  method?: string | null;
  query?: [string, string][] | string | Record<string, string> | null;
  fragment?: string | null;
  data?: unknown;
  headers?: [string, string][] | Record<string, string> | null;
  cookies?: [string, string][] | Record<string, string> | null;
  env?: Record<string, string> | null;
}

export type Entry =
  | { type: 'exception'; data: { values: ExceptionValue[]; excOmitted?: unknown; hasSystemFrames?: boolean } }
  | { type: 'stacktrace'; data: Stacktrace }
  | { type: 'breadcrumbs'; data: { values: Breadcrumb[] } }
  | { type: 'request'; data: RequestData }
  | { type: 'message'; data: { formatted?: string | null; message?: string | null; params?: unknown } }
  | { type: string; data: unknown };

export interface EventUser {
  id?: string | null;
  email?: string | null;
  username?: string | null;
  ip_address?: string | null;
  name?: string | null;
  geo?: Record<string, string> | null;
  data?: Record<string, unknown> | null;
}

export interface IssueEvent {
  id: string;
  eventID: string;
  groupID?: string | null;
  title: string;
  message?: string | null;
  culprit?: string | null;
  platform?: string | null;
  dateCreated: string;
  dateReceived?: string | null;
  tags: { key: string; value: string }[];
  user?: EventUser | null;
  contexts?: Record<string, Record<string, unknown>> | null;
  sdk?: { name?: string; version?: string } | null;
  release?: { version: string } | null;
  dist?: string | null;
  environment?: string | null;
  entries: Entry[];
  context?: Record<string, unknown> | null;
  extra?: Record<string, unknown> | null;
  fingerprints?: string[];
  previousEventID?: string | null;
  nextEventID?: string | null;
  errors?: { type: string; message?: string; data?: Record<string, unknown> }[];
  /** a performance issue's event: the detector's finding */
  occurrence?: Occurrence | null;
}

/** What a performance detector found (Sentry's occurrence): what to show and the spans it blames. */
export interface Occurrence {
  issueTitle: string;
  subtitle?: string;
  type: number;
  evidenceDisplay?: { name: string; value: string; important?: boolean }[];
  evidenceData?: Record<string, unknown>;
}
