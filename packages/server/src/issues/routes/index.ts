import type { FastifyInstance } from 'fastify';
import type { TagsOf } from '../../events/index.js';
import type { Releases } from '../../releases/index.js';
import { registerEventRoutes } from './event-routes.js';
import { registerIssueActivityRoutes } from './issue-activity-routes.js';
import { registerIssueDetailRoutes } from './issue-detail-routes.js';
import { type IssueRouteDeps, registerIssueRoutes } from './issue-routes.js';
import { registerProjectTagRoutes } from './project-tag-routes.js';

export interface IssuesApiDeps extends IssueRouteDeps {
  readonly releases: Releases;
  /** an event's tags as the pipeline derives them (process/ owns that rule) */
  readonly tagsOf: TagsOf;
  /** how many user reports an issue has (feedback/ keeps them; handed in by api/) */
  readonly userReportCountOf?: (issueId: number) => Promise<number>;
}

/** issues' part of /api/0/: issue lists and triage, one issue, its activity and notes, its events and tags, a project's tags. */
export function registerIssuesApi(app: FastifyInstance, deps: IssuesApiDeps): void {
  registerProjectTagRoutes(app, deps);
  registerIssueRoutes(app, deps);
  registerIssueDetailRoutes(app, deps);
  registerIssueActivityRoutes(app, deps);
  registerEventRoutes(app, deps);
}
