import { useParams } from 'react-router';
import { ApiTokens } from '../features/settings/api-tokens.js';
import { Members } from '../features/settings/members.js';
import { SettingsNav } from '../features/settings/settings-nav.js';
import { Teams } from '../features/settings/teams.js';
import NotFoundPage from './not-found-page.js';

const SECTIONS: [string, string][] = [
  ['', 'Members'],
  ['teams', 'Teams'],
  ['tokens', 'API tokens'],
];

export default function OrgSettingsPage() {
  const { org = '', section = '' } = useParams();
  const body = section === '' ? <Members org={org} /> : section === 'teams' ? <Teams org={org} /> : section === 'tokens' ? <ApiTokens org={org} /> : null;
  if (!body) return <NotFoundPage />;
  return (
    <div className="settings">
      <SettingsNav title="Organization" base={`/settings/${org}/`} items={SECTIONS} />
      {body}
    </div>
  );
}
