// What grouping reads from an event: a subset of Sentry's event JSON (Sentry developer docs, Event Payloads), with
// the wire's field names so the normalized event can be passed as is. Every field is optional
// and nullable; grouping reads each one defensively because it must never throw on a payload.

export interface GroupingFrame {
  readonly filename?: string | null;
  readonly abs_path?: string | null;
  readonly module?: string | null;
  readonly package?: string | null;
  readonly function?: string | null;
  readonly raw_function?: string | null;
  readonly lineno?: number | null;
  readonly colno?: number | null;
  readonly context_line?: string | null;
  /** The SDK's guess; stack trace rules override it. */
  readonly in_app?: boolean | null;
  readonly platform?: string | null;
  /**
   * Set by source-map resolution (Sentry developer docs, Grouping): a resolved frame's minified function name
   * is unreliable.
   */
  readonly data?: { readonly sourcemap?: string | null; readonly symbolicated?: boolean | null } | null;
}

export interface GroupingStacktrace {
  /** Oldest first: the crashing frame is the last element. */
  readonly frames?: readonly GroupingFrame[] | null;
}

export interface ExceptionMechanism {
  readonly type?: string | null;
  readonly handled?: boolean | null;
  /** The SDK invented the exception (JS 11 captureMessage, native signals): its type means nothing. */
  readonly synthetic?: boolean | null;
  readonly is_exception_group?: boolean | null;
  readonly exception_id?: number | null;
  readonly parent_id?: number | null;
  readonly meta?: { readonly ns_error?: { readonly code?: number | null; readonly domain?: string | null } | null } | null;
}

export interface GroupingException {
  readonly type?: string | null;
  readonly value?: string | null;
  readonly module?: string | null;
  readonly mechanism?: ExceptionMechanism | null;
  readonly stacktrace?: GroupingStacktrace | null;
}

export interface GroupingLogEntry {
  /** The unformatted template (`"User %s logged in"`) when the SDK sends one. */
  readonly message?: string | null;
  readonly formatted?: string | null;
  /** Not read by grouping; any JSON (normalized events keep what the SDK sent). */
  readonly params?: unknown;
}

export interface GroupingThread {
  readonly id?: number | string | null;
  readonly crashed?: boolean | null;
  readonly current?: boolean | null;
  readonly stacktrace?: GroupingStacktrace | null;
}

/**
 * Browser security reports (Sentry product docs, Security Policy Reporting) after normalization: only the
 * fields grouping reads.
 */
export interface GroupingSecurityReport {
  readonly effective_directive?: string | null;
  readonly violated_directive?: string | null;
  readonly blocked_uri?: string | null;
  readonly hostname?: string | null;
}

export interface GroupingTemplate {
  readonly filename?: string | null;
  readonly abs_path?: string | null;
  readonly context_line?: string | null;
}

export interface GroupingEvent {
  readonly platform?: string | null;
  readonly level?: string | null;
  readonly logger?: string | null;
  readonly transaction?: string | null;
  readonly release?: string | null;
  /** JS sends a plain string; the object form is the legacy spelling of `logentry`. */
  readonly message?: string | GroupingLogEntry | null;
  readonly logentry?: GroupingLogEntry | null;
  /** Oldest first: causes first, the exception actually thrown last. */
  readonly exception?: { readonly values?: readonly GroupingException[] | null } | null;
  readonly threads?: { readonly values?: readonly GroupingThread[] | null } | null;
  readonly stacktrace?: GroupingStacktrace | null;
  readonly template?: GroupingTemplate | null;
  readonly csp?: GroupingSecurityReport | null;
  readonly hpkp?: GroupingSecurityReport | null;
  readonly expectct?: GroupingSecurityReport | null;
  readonly expectstaple?: GroupingSecurityReport | null;
  /** Strings; numbers and booleans are coerced, other entries dropped (Sentry product docs, SDK Fingerprinting). */
  readonly fingerprint?: readonly (string | number | boolean | null)[] | null;
  readonly tags?: Readonly<Record<string, string>> | readonly (readonly [string, string])[] | null;
  readonly sdk?: { readonly name?: string | null } | null;
}
