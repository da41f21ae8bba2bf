import { Link } from 'react-router';
import { EmptyState } from '../ui/states.js';

export default function NotFoundPage() {
  return (
    <EmptyState title="Nothing here">
      <p>
        This address does not match a page. <Link to="/">Go to your issues</Link>.
      </p>
    </EmptyState>
  );
}
