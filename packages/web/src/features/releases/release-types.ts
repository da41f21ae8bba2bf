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
}

/** `[[unix seconds, count], …]` of /releases/{version}/stats/. */
export interface ReleaseEventStats {
  statsPeriod: '24h' | '14d';
  events: [number, number][];
}
