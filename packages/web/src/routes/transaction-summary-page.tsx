import { Navigate, useParams, useSearchParams } from 'react-router';
import { TransactionSummary } from '../features/performance/summary/transaction-summary.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { useCurrentProject } from '../features/shell/workspace.js';
import { ErrorState, Loading } from '../ui/states.js';

/** `/organizations/:org/performance/summary/?project=<id>&transaction=<name>`, as Sentry links a route's summary. */
export default function TransactionSummaryPage() {
  const { org = '' } = useParams();
  const [params] = useSearchParams();
  const transaction = params.get('transaction');
  const { projects, project } = useCurrentProject(org);
  usePublishProject(org, project?.id);
  if (transaction === null) return <Navigate to={`/organizations/${org}/performance/`} replace />;
  if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <Loading />;
  if (!project) return <Navigate to={`/organizations/${org}/performance/`} replace />;
  return <TransactionSummary key={`${project.id}\n${transaction}`} org={org} project={project} transaction={transaction} />;
}
