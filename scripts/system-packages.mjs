// The Debian packages the test suites drive, and the one decision of what to do
// when one is missing: install it (root or passwordless sudo, with apt-get), or
// let the suites that need it skip with a printed reason. scripts/test.mjs runs
// it before the suites start; .ci/run has no list of its own.
// Only Node built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * `probe` says whether the package's piece is usable; `suites` names what skips
 * without it, and `hint` is the command a person would run.
 */
export const SYSTEM_PACKAGES = [
  {
    name: 'chromium',
    suites: 'web end-to-end suites and the browser SDK test',
    missing: '/usr/bin/chromium not found',
    probe: () => existsSync('/usr/bin/chromium'),
  },
  {
    name: 'python3-sentry-sdk',
    suites: 'the Python SDK test',
    missing: 'sentry_sdk is not importable by /usr/bin/python3',
    probe: () => existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import sentry_sdk'], { stdio: 'ignore' }).status === 0,
  },
  {
    name: 'jq',
    suites: 'the curl + jq release-health gate recipe of docs/releases.md',
    missing: '/usr/bin/jq not found',
    probe: () => existsSync('/usr/bin/jq'),
  },
  {
    name: 'curl',
    suites: 'the curl + jq release-health gate recipe of docs/releases.md',
    missing: '/usr/bin/curl not found',
    probe: () => existsSync('/usr/bin/curl'),
  },
];

/**
 * How this process could install Debian packages: as root, through passwordless
 * sudo, or not at all (with why). Pure: the facts are passed in.
 * @param {{ uid: number | null, hasAptGet: boolean, hasPasswordlessSudo: boolean, optedOut: boolean }} facts
 * @returns {{ via: 'root' | 'sudo' } | { via: null, why: string }}
 */
export function installRoute({ uid, hasAptGet, hasPasswordlessSudo, optedOut }) {
  if (optedOut) return { via: null, why: 'FAULTLINE_TEST_INSTALL=0' };
  if (!hasAptGet) return { via: null, why: 'no apt-get on this machine' };
  if (uid === 0) return { via: 'root' };
  if (hasPasswordlessSudo) return { via: 'sudo' };
  return { via: null, why: 'not root and no passwordless sudo' };
}

/**
 * What to do with each wanted package. Pure: presence and the install route are passed in.
 * @param {Array<{ name: string, suites: string, missing: string }>} packages
 * @param {(name: string) => boolean} isPresent
 * @param {{ via: 'root' | 'sudo' } | { via: null, why: string }} route
 * @returns {Array<{ name: string, action: 'present' } | { name: string, action: 'install' } | { name: string, action: 'skip', reason: string }>}
 */
export function planSystemPackages(packages, isPresent, route) {
  return packages.map((pkg) => {
    if (isPresent(pkg.name)) return { name: pkg.name, action: 'present' };
    if (route.via !== null) return { name: pkg.name, action: 'install' };
    return { name: pkg.name, action: 'skip', reason: skipReason(pkg, route.why) };
  });
}

/** The one line printed for suites that cannot run: `# skipped: <suites>: <what is missing> (<how to get it>; <why not installed>)`. */
export function skipReason(pkg, why) {
  return `${pkg.suites}: ${pkg.missing} (apt-get install ${pkg.name}; not installed automatically: ${why})`;
}

/** The apt-get command lines for an install, non-interactive and waiting for a dpkg lock held by something else. */
export function aptCommands(names, via) {
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  const prefix = via === 'sudo' ? ['sudo', '-n'] : [];
  return [
    [...prefix, 'apt-get', ...lock, 'update', '-qq'],
    [...prefix, 'apt-get', ...lock, 'install', '-y', '-qq', '--no-install-recommends', ...names],
  ];
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs what is missing when it can, then reports what still is: the returned
 * reasons are printed by the caller, and the suites that need a missing piece
 * skip themselves by probing for it.
 * @param {{ env: NodeJS.ProcessEnv, log: (line: string) => void }} io
 * @returns {string[]} skip reasons, one per package still missing
 */
export function ensureSystemPackages({ env, log }) {
  const route = installRoute({
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    hasAptGet: onPath('apt-get'),
    hasPasswordlessSudo: onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    optedOut: env.FAULTLINE_TEST_INSTALL === '0',
  });
  const byName = new Map(SYSTEM_PACKAGES.map((p) => [p.name, p]));
  const present = (name) => byName.get(name).probe();
  const plan = planSystemPackages(SYSTEM_PACKAGES, present, route);
  const toInstall = plan.filter((p) => p.action === 'install').map((p) => p.name);
  if (toInstall.length > 0) {
    log(`test: installing ${toInstall.join(', ')} with apt-get (${route.via}), which the suites drive`);
    for (const argv of aptCommands(toInstall, route.via)) {
      // apt's progress is hundreds of lines; it is shown only when the step fails.
      const r = spawnSync(argv[0], argv.slice(1), {
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      if (r.status !== 0) {
        const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
        log(`test: "${argv.join(' ')}" failed (exit ${r.status ?? r.signal}):\n${output}`);
        break;
      }
    }
  }
  const reasons = [];
  for (const step of plan) {
    if (step.action === 'skip') reasons.push(step.reason);
    else if (step.action === 'install' && !present(step.name)) reasons.push(skipReason(byName.get(step.name), 'apt-get install failed'));
  }
  return reasons;
}
