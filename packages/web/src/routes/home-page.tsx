import { Navigate } from 'react-router';
import { useOrganizations } from '../features/shell/workspace.js';
import { EmptyState, ErrorState, Loading } from '../ui/states.js';

/** `/`: straight to the first organization's issues. */
export default function HomePage() {
  const orgs = useOrganizations();
  if (orgs.error) return <ErrorState error={orgs.error} onRetry={orgs.reload} />;
  if (!orgs.data) return <Loading />;
  const first = orgs.data[0];
  if (!first) {
    return (
      <EmptyState title="You are not a member of any organization">
        <p>
          Ask an owner to add you, or create one with <code>npx faultline project create</code>.
        </p>
      </EmptyState>
    );
  }
  return <Navigate to={`/organizations/${first.slug}/issues/`} replace />;
}
