import type { ReleaseHealthData } from '../../api/index.js';

/** The release JSON of /api/0/organizations/{org}/releases/ (Sentry's shape, the keys the pages read). */
export interface Deploy {
  id: string;
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: string | null;
  dateFinished: string | null;
}

export interface Commit {
  id: string;
  message: string | null;
  dateCreated: string | null;
  author: { name: string | null; email: string | null } | null;
  repository?: { name: string };
}

export interface ReleaseProject {
  id: number;
  slug: string;
  name: string;
  platform: string | null;
  newGroups: number;
  /** with `health=1` */
  hasHealthData?: boolean;
  healthData?: ReleaseHealthData | null;
}

export interface Release {
  id: number;
  version: string;
  shortVersion: string;
  ref: string | null;
  url: string | null;
  status: 'open' | 'archived';
  dateCreated: string;
  dateReleased: string | null;
  firstEvent: string | null;
  lastEvent: string | null;
  newGroups: number;
  eventCount: number;
  commitCount: number;
  lastCommit: Commit | null;
  authors: { name: string; email: string }[];
  deployCount: number;
  lastDeploy: Deploy | null;
  projects: ReleaseProject[];
  /** org release details with `project=` and `health=1` (Sentry: prev/next by the list's order) */
  currentProjectMeta?: {
    prevReleaseVersion?: string | null;
    nextReleaseVersion?: string | null;
    sessionsLowerBound?: string | null;
    sessionsUpperBound?: string | null;
  };
}

/** `[[unix seconds, count], …]` of /releases/{version}/stats/. */
export interface ReleaseEventStats {
  statsPeriod: '24h' | '14d';
  events: [number, number][];
}
