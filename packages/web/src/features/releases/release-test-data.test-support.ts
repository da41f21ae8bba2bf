import type { ReleaseHealthData } from '../../api/index.js';
import type { Release } from './release-types.js';

/** Release JSON for the component tests, in the shape the list and detail endpoints answer. */
export const PROJECT = { id: 2, slug: 'shop', name: 'shop', platform: 'javascript', newGroups: 0 };

export function health(patch: Partial<ReleaseHealthData>): ReleaseHealthData {
  return {
    crashFreeUsers: 100,
    crashFreeSessions: 100,
    unhandledFreeUsers: 100,
    unhandledFreeSessions: 100,
    totalUsers: 30,
    totalSessions: 120,
    sessionsCrashed: 0,
    sessionsErrored: 0,
    adoption: 60,
    sessionsAdoption: 55,
    hasHealthData: true,
    ...patch,
  };
}

/** A release as the list answers it; `patch` sets what a test looks at. */
export function release(version: string, patch: Partial<Release> = {}): Release {
  return {
    id: version.length,
    version,
    shortVersion: version,
    ref: null,
    url: null,
    status: 'open',
    dateCreated: '2026-11-20T10:00:00.000Z',
    dateReleased: null,
    firstEvent: null,
    lastEvent: null,
    newGroups: 0,
    eventCount: 0,
    commitCount: 0,
    lastCommit: null,
    authors: [],
    deployCount: 0,
    lastDeploy: null,
    projects: [],
    ...patch,
  };
}

/** A deployed release of PROJECT with `?health=1`'s healthData. */
export function releaseWithHealth(version: string, healthData: ReleaseHealthData | null): Release {
  return release(version, { dateCreated: '2026-11-20T00:00:00.000Z', deployCount: 1, projects: [{ ...PROJECT, healthData }] });
}
