import type { RepositoryFactories } from '../../store/index.js';
import { createCheckInRepo } from './check-in-repo.js';
import { createMonitorRepo } from './monitor-repo.js';

// Joins the one Store as store.monitors and store.monitorCheckIns without store/ importing this domain (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    monitors: ReturnType<typeof createMonitorRepo>;
    monitorCheckIns: ReturnType<typeof createCheckInRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const monitorRepositories = {
  monitors: createMonitorRepo,
  monitorCheckIns: createCheckInRepo,
} satisfies Pick<RepositoryFactories, 'monitors' | 'monitorCheckIns'>;
