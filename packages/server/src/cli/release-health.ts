import { setTimeout as sleep } from 'node:timers/promises';
import { type Clock, systemClock } from '../kernel/index.js';
import { parseCommandArgs } from './args.js';
import { parseDurationArg } from './duration-arg.js';
import { GATE_SERVER_ERROR, GATE_USAGE, type HealthThresholds, judgeReleaseHealth } from './judge-release-health.js';
import { GateHttpError, readReleaseHealth } from './read-release-health.js';
import { UsageError } from './usage-error.js';

export const releaseHealthUsage = `usage: faultline release-health check --release R [--min-crash-free-users P] [--min-crash-free-sessions P]
         [--min-unhandled-free-users P] [--min-sessions N] [--wait 10m] [--environment E]
         [--url URL] [--auth-token T] [--org ORG] [--project PROJECT]
  exit 0 healthy, 1 below a threshold, 2 too few sessions to judge, 3 usage error, 4 server error
  (URL, token, org and project default to FAULTLINE_URL or SENTRY_URL, SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_PROJECT)`;

/** The gate is judged on at least this many sessions unless told otherwise: a quiet deploy proves nothing. */
const DEFAULT_MIN_SESSIONS = 100;

export interface ReleaseHealthDeps {
  clock: Clock;
  sleep: (ms: number) => Promise<unknown>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const systemDeps: ReleaseHealthDeps = {
  clock: systemClock,
  sleep: (ms) => sleep(ms),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function parsePercent(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const [whole = '', fraction, extra] = text.split('.');
  const digits = (s: string) => s.length > 0 && s.length <= 3 && [...s].every((c) => c >= '0' && c <= '9');
  const value = Number(text);
  if (extra !== undefined || !digits(whole) || (fraction !== undefined && !digits(fraction)) || value > 100)
    throw new UsageError(`--${flag} takes a percentage from 0 to 100, not "${text}"`);
  return value;
}

function parseCount(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (text.length === 0 || text.length > 9 || ![...text].every((c) => c >= '0' && c <= '9') || Number(text) < 1)
    throw new UsageError(`--${flag} takes a whole number of at least 1, not "${text}"`);
  return Number(text);
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`release-health check needs ${what}`);
  return value;
}

/**
 * `faultline release-health check`: the CI gate after `sentry-cli deploys new`.
 * An HTTP client of a running Faultline (or Sentry): waits, reads the release's
 * sessions since its deploy, and answers with an exit code. It handles its own
 * errors because its exit codes differ from the other commands' (2 means
 * "cannot judge" here, not "usage error").
 */
export async function releaseHealthCheck(argv: string[], env: Record<string, string | undefined>, deps: ReleaseHealthDeps = systemDeps): Promise<number> {
  try {
    if (argv[0] !== 'check')
      throw new UsageError(argv[0] === undefined ? 'release-health needs a subcommand' : `unknown subcommand "release-health ${argv[0]}"`);
    const { values, positionals } = parseCommandArgs(argv.slice(1), {
      release: { type: 'string' },
      'min-crash-free-users': { type: 'string' },
      'min-crash-free-sessions': { type: 'string' },
      'min-unhandled-free-users': { type: 'string' },
      'min-sessions': { type: 'string' },
      wait: { type: 'string' },
      environment: { type: 'string' },
      url: { type: 'string' },
      'auth-token': { type: 'string' },
      org: { type: 'string' },
      project: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const thresholds: HealthThresholds = { minSessions: parseCount('min-sessions', values['min-sessions'], DEFAULT_MIN_SESSIONS) };
    const crashFreeUsers = parsePercent('min-crash-free-users', values['min-crash-free-users']);
    const crashFreeSessions = parsePercent('min-crash-free-sessions', values['min-crash-free-sessions']);
    const unhandledFreeUsers = parsePercent('min-unhandled-free-users', values['min-unhandled-free-users']);
    if (crashFreeUsers !== undefined) thresholds.minCrashFreeUsers = crashFreeUsers;
    if (crashFreeSessions !== undefined) thresholds.minCrashFreeSessions = crashFreeSessions;
    if (unhandledFreeUsers !== undefined) thresholds.minUnhandledFreeUsers = unhandledFreeUsers;
    if (crashFreeUsers === undefined && crashFreeSessions === undefined && unhandledFreeUsers === undefined)
      throw new UsageError('release-health check needs a threshold: --min-crash-free-users, --min-crash-free-sessions or --min-unhandled-free-users');
    const wait = parseDurationArg(values.wait ?? '0s');
    if (!wait.ok) throw new UsageError(`--wait: ${wait.reason}`);
    const target = {
      release: required(values.release, '--release'),
      url: required(values.url ?? env.FAULTLINE_URL ?? env.SENTRY_URL, '--url (or FAULTLINE_URL / SENTRY_URL)'),
      token: required(values['auth-token'] ?? env.SENTRY_AUTH_TOKEN, '--auth-token (or SENTRY_AUTH_TOKEN)'),
      org: required(values.org ?? env.SENTRY_ORG, '--org (or SENTRY_ORG)'),
      project: required(values.project ?? env.SENTRY_PROJECT, '--project (or SENTRY_PROJECT)'),
      wantUnhandled: unhandledFreeUsers !== undefined,
      ...(values.environment ? { environment: values.environment } : {}),
    };
    if (!URL.canParse(target.url) || !['http:', 'https:'].includes(new URL(target.url).protocol))
      throw new UsageError(`--url must be an http(s) URL, not "${target.url}"`);

    if (wait.ms > 0) {
      deps.out(`waiting ${values.wait} before judging ${target.release}…`);
      await deps.sleep(wait.ms);
    }
    const { window, measures } = await readReleaseHealth(target, deps.clock.now());
    deps.out(
      `release ${target.release} of ${target.org}/${target.project}, ${window.environment ?? 'all environments'}, since ${window.start} (${window.startsAt})`,
    );
    const verdict = judgeReleaseHealth(measures, thresholds);
    for (const line of verdict.lines) deps.out(line);
    return verdict.code;
  } catch (err) {
    if (err instanceof UsageError) {
      deps.err(`faultline: ${err.message}\n${releaseHealthUsage}`);
      return GATE_USAGE;
    }
    if (err instanceof GateHttpError) {
      deps.err(`faultline: ${err.message}`);
      return GATE_SERVER_ERROR;
    }
    // Anything else (an answer of an unexpected shape) must not pass for exit 1, "unhealthy".
    deps.err(`faultline: ${err instanceof Error ? err.message : String(err)}`);
    return GATE_SERVER_ERROR;
  }
}
