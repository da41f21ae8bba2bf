/**
 * api: the Sentry-compatible web API under /api/0/ and the health endpoints, assembled. Each
 * domain registers its own routes (`register…Api` from its index.ts); this is the one place
 * that lists them and hands each what it may not import: the pipeline's rules it applies
 * (event tags, settings parsers), and performance/ the caller's projects and issue short ids.
 * It must not hold routes of its own beyond health: request authentication is auth's, the
 * shared HTTP kit (errors, pagination, body) is http's.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Alerting, registerAlertApi } from '../alert/index.js';
import { type Artifacts, registerArtifactsApi } from '../artifacts/index.js';
import { type Auth, registerAuthApi, requirePrincipal } from '../auth/index.js';
import { registerFeedbackApi } from '../feedback/index.js';
import { formatShortId, projectTagValues, registerIssuesApi } from '../issues/index.js';
import { parseRetentionDays } from '../jobs/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import { createLogsDatasets, registerLogsApi } from '../logs/index.js';
import { type Membership, registerMembersApi } from '../members/index.js';
import { registerMonitorsApi } from '../monitors/index.js';
import { registerOrganizationsApi, type SettingsRules } from '../organizations/index.js';
import { registerOutcomesApi } from '../outcomes/index.js';
import { registerPerformanceApi } from '../performance/index.js';
import {
  compileGroupingRules,
  createUserReportShimWriter,
  parseInboundFilterSettings,
  parseScrubSettings,
  readGroupingText,
  storedEventTags,
} from '../process/index.js';
import { type Releases, registerReleasesApi } from '../releases/index.js';
import { registerReplaysApi } from '../replays/index.js';
import { createReleaseHealthData, createReleaseHealthOrder, createReleaseStages, registerSessionsApi } from '../sessions/index.js';
import type { Store } from '../store/index.js';
import { registerAbsentFeatureRoutes } from './absent-features.js';
import { registerHealthRoutes } from './health-routes.js';

export interface ApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly publicUrl: string;
  readonly clock: Clock;
  readonly releases: Releases;
  readonly artifacts: Artifacts;
  readonly membership: Membership;
  readonly alerting: Alerting;
}

/** How many environments project JSON lists (the most used first). */
const PROJECT_ENVIRONMENTS = 100;

/** How the pipeline and the retention job read project settings: the settings routes validate with the same functions. */
const settingsRules: SettingsRules = { parseInboundFilterSettings, parseScrubSettings, compileGroupingRules, readGroupingText, parseRetentionDays };

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const secureCookies = deps.publicUrl.startsWith('https:');
  registerHealthRoutes(app, deps.store);
  registerAbsentFeatureRoutes(app, deps.auth);
  registerAuthApi(app, { ...deps, secureCookies });
  // A project's environments are the values of its events' environment tag (issues/ keeps them).
  const environmentsOf = async (projectId: number) =>
    (await projectTagValues(deps.store.db, projectId, 'environment', '', PROJECT_ENVIRONMENTS)).map((v) => v.value);
  registerOrganizationsApi(app, { ...deps, settingsRules, environmentsOf });
  registerMembersApi(app, { ...deps, secureCookies, environmentsOf });
  registerIssuesApi(app, { ...deps, tagsOf: storedEventTags, userReportCountOf: (issueId) => deps.store.userReports.countForIssue(issueId) });
  // Release JSON gets its health keys from release health, composed here so releases/ needs no import of sessions/.
  registerReleasesApi(app, {
    ...deps,
    attachHealth: createReleaseHealthData(deps),
    rankByHealth: createReleaseHealthOrder(deps),
    stagesOf: createReleaseStages(deps),
  });
  registerArtifactsApi(app, deps);
  registerAlertApi(app, deps);
  registerOutcomesApi(app, deps);
  // Membership is organization-wide: a member reads every project of the organization.
  const projectsOf = async (request: FastifyRequest, org: string) =>
    deps.store.projects.list((await deps.auth.orgAccess(requirePrincipal(request), org, 'event:read')).org.id);
  // Logs are one more dataset of the events routes, answered by logs/ (performance/ does not import it).
  const datasets = createLogsDatasets(deps.store.logs);
  registerPerformanceApi(app, { projectsOf, shortIdOf: formatShortId, store: deps.store, clock: deps.clock, datasets });
  registerLogsApi(app, { projectsOf, repo: deps.store.logs });
  registerSessionsApi(app, { projectsOf, store: deps.store, clock: deps.clock });
  registerMonitorsApi(app, deps);
  // A report saved by the API becomes a feedback issue through the pipeline's persist, which feedback/ may not import.
  registerFeedbackApi(app, { ...deps, shimUserReport: createUserReportShimWriter({ store: deps.store, clock: deps.clock, logger: app.log as Logger }) });
  registerReplaysApi(app, deps);
}
