import { Link, Route, Routes, useLocation, useParams, useSearchParams } from 'react-router';
import { useResource } from '../api/index.js';
import type { IssueRuleJson, MetricRuleJson } from '../features/alerts/alert-types.js';
import { Channels } from '../features/alerts/channels.js';
import { IssueRuleEditor } from '../features/alerts/issue-rule-editor.js';
import { MetricRuleEditor } from '../features/alerts/metric-rule-editor.js';
import { RuleHistory } from '../features/alerts/rule-history.js';
import { RuleList } from '../features/alerts/rule-list.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { useCurrentProject, useProjects } from '../features/shell/workspace.js';
import { ErrorState, Loading } from '../ui/states.js';
import NotFoundPage from './not-found-page.js';
import '../styles/alerts.css';

function RulesHome({ org }: { org: string }) {
  const { projects, project, wanted } = useCurrentProject(org);
  usePublishProject(org, project?.id);
  if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <Loading />;
  if (!project) return <ErrorState error={new Error(`No project “${wanted ?? ''}” in this organization.`)} title="Project not found" />;
  return <RuleList org={org} project={project} />;
}

/** Tells the header which project an alert page is about (the URL names it by slug). */
function useProjectBySlug(org: string, slug: string | undefined): void {
  const projects = useProjects(org);
  usePublishProject(org, projects.data?.find((p) => p.slug === slug)?.id);
}

function IssueRulePage({ org, history }: { org: string; history: boolean }) {
  const { project = '', ruleId } = useParams();
  useProjectBySlug(org, project);
  const rule = useResource<IssueRuleJson>(history ? `projects/${org}/${project}/rules/${ruleId}/` : null);
  if (!history) return <IssueRuleEditor key={ruleId ?? 'new'} org={org} project={project} {...(ruleId ? { ruleId } : {})} />;
  if (rule.error) return <ErrorState error={rule.error} onRetry={rule.reload} title="Rule not available" />;
  return (
    <RuleHistory
      org={org}
      title={rule.data?.name ?? '…'}
      historyPath={`projects/${org}/${project}/rules/${ruleId}/history/`}
      editLink={`/organizations/${org}/alerts/rules/${project}/${ruleId}/`}
    />
  );
}

function MetricRulePage({ org, history }: { org: string; history: boolean }) {
  const { ruleId } = useParams();
  const [params] = useSearchParams();
  const rule = useResource<MetricRuleJson>(history ? `organizations/${org}/alert-rules/${ruleId}/` : null);
  useProjectBySlug(org, rule.data?.projects[0] ?? params.get('project') ?? undefined);
  if (!history) return <MetricRuleEditor key={ruleId ?? 'new'} org={org} project={params.get('project') ?? ''} {...(ruleId ? { ruleId } : {})} />;
  if (rule.error) return <ErrorState error={rule.error} onRetry={rule.reload} title="Rule not available" />;
  return (
    <RuleHistory
      org={org}
      title={rule.data?.name ?? '…'}
      historyPath={`organizations/${org}/alert-rules/${ruleId}/history/`}
      editLink={`/organizations/${org}/alerts/metric-rules/${ruleId}/`}
    />
  );
}

/** /organizations/{org}/alerts/…: rules of a project, their editors and history, and the organization's channels. */
export default function AlertsPage() {
  const { org = '' } = useParams();
  const [params] = useSearchParams();
  const project = params.get('project');
  // Rule editors and histories belong to the Rules tab, so only the channels page lights up the other.
  const onChannels = useLocation().pathname.includes('/alerts/channels/');
  return (
    <div className="alerts">
      <nav className="alerts-nav tabs" aria-label="Alerts">
        <Link
          className={onChannels ? 'tab' : 'tab active'}
          aria-current={onChannels ? undefined : 'page'}
          to={`/organizations/${org}/alerts/${project ? `?project=${encodeURIComponent(project)}` : ''}`}
        >
          Rules
        </Link>
        <Link className={onChannels ? 'tab active' : 'tab'} aria-current={onChannels ? 'page' : undefined} to={`/organizations/${org}/alerts/channels/`}>
          Channels
        </Link>
      </nav>
      <Routes>
        <Route index element={<RulesHome org={org} />} />
        <Route path="channels/" element={<Channels org={org} />} />
        <Route path="rules/:project/new/" element={<IssueRulePage org={org} history={false} />} />
        <Route path="rules/:project/:ruleId/" element={<IssueRulePage org={org} history={false} />} />
        <Route path="rules/:project/:ruleId/history/" element={<IssueRulePage org={org} history />} />
        <Route path="metric-rules/new/" element={<MetricRulePage org={org} history={false} />} />
        <Route path="metric-rules/:ruleId/" element={<MetricRulePage org={org} history={false} />} />
        <Route path="metric-rules/:ruleId/history/" element={<MetricRulePage org={org} history />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
