import { renderConfigDoc } from '../config/index.js';
import { isFaultlineError } from '../kernel/index.js';
import { UsageError } from './usage-error.js';

// Commands are loaded when chosen: `--help` or a usage error should not pay for
// loading the HTTP server and both database drivers.

const usage = `usage: faultline <command> [options]

commands:
  serve                                   migrate and serve HTTP (npm start)
  migrate                                 apply pending database migrations
  createuser --email E --password P [--superuser] [--org ORG [--role member|admin|manager|owner]] [--name N] [--json]
  user list [--json]                      users, their superuser flag, organizations and roles
  bootstrap [--json]                      ensure org, project, key and token exist; print them
  project create ORG/PROJECT [--platform node] [--owner EMAIL] [--json]
  token create --scopes "…" [--org ORG] [--user EMAIL] [--name N] [--json]
  release-health check --release R --min-crash-free-users P [--min-sessions N] [--wait 10m] …
                                          CI gate on a release's health since its deploy (exit 0/1/2)
  config-doc                              print the configuration reference (markdown)`;

/** Dispatches a command; returns the exit code. Usage errors exit 2, failures 1. */
export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        await (await import('./serve.js')).serve(env);
        return -1; // keeps running
      case 'migrate':
        await (await import('./migrate.js')).migrate(env);
        return 0;
      case 'createuser':
        await (await import('./createuser.js')).createuser(rest, env);
        return 0;
      case 'user':
        if (rest[0] !== 'list') throw new UsageError('usage: faultline user list [--json]');
        await (await import('./user-list.js')).userList(rest.slice(1), env);
        return 0;
      case 'bootstrap':
        await (await import('./bootstrap.js')).bootstrap(rest, env);
        return 0;
      case 'project':
        if (rest[0] !== 'create') throw new UsageError('usage: faultline project create ORG/PROJECT [--platform node] [--json]');
        await (await import('./project-create.js')).projectCreate(rest.slice(1), env);
        return 0;
      case 'token':
        if (rest[0] !== 'create') throw new UsageError('usage: faultline token create --scopes "…" [--json]');
        await (await import('./token-create.js')).tokenCreate(rest.slice(1), env);
        return 0;
      case 'release-health':
        // Its own exit codes: 2 is "cannot judge" there, so it reports its own usage errors (3).
        return await (await import('./release-health.js')).releaseHealthCheck(rest, env);
      case 'config-doc':
        process.stdout.write(renderConfigDoc());
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${usage}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`faultline: ${err.message}\n${usage}\n`);
      return 2;
    }
    if (isFaultlineError(err)) {
      process.stderr.write(`faultline: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`faultline: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
