import { Suspense } from 'react';
import { NavLink, Outlet, useLocation, useParams } from 'react-router';
import { PageErrorBoundary } from '../../ui/error-boundary.js';
import { Loading } from '../../ui/states.js';
import { useTheme } from '../../ui/theme.js';
import { UserMenu } from '../auth/user-menu.js';
import { ShellProjectProvider, useShellProjectId } from './shell-project.js';
import { OrgSwitcher, ProjectSwitcher } from './switchers.js';
import { pickProject, useProjects } from './workspace.js';

function Header() {
  const { org } = useParams();
  const projects = useProjects(org);
  const shown = useShellProjectId();
  const { choice, resolved, setChoice } = useTheme();
  const project = org && projects.data ? pickProject(projects.data, shown, org) : undefined;
  const dark = resolved === 'dark';
  return (
    <header className="topbar">
      <a className="brand" href="/" aria-label="Faultline home">
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 21 L10 3 L13 12 L16 7 L21 21 Z" fill="currentColor" />
        </svg>
        <span>Faultline</span>
      </a>
      {org && (
        <nav className="topnav" aria-label="Workspace">
          <OrgSwitcher org={org} />
          <span className="topnav-sep" aria-hidden="true">
            /
          </span>
          <ProjectSwitcher org={org} project={project} />
          <NavLink className="topnav-link" to={`/organizations/${org}/issues/${project ? `?project=${project.id}` : ''}`}>
            Issues
          </NavLink>
          <NavLink className="topnav-link" to={`/organizations/${org}/alerts/${project ? `?project=${project.slug}` : ''}`}>
            Alerts
          </NavLink>
          <NavLink className="topnav-link" to={`/organizations/${org}/releases/${project ? `?project=${project.id}` : ''}`}>
            Releases
          </NavLink>
          <NavLink className="topnav-link" to={`/organizations/${org}/performance/${project ? `?project=${project.id}` : ''}`}>
            Performance
          </NavLink>
          <NavLink className="topnav-link" to={`/organizations/${org}/logs/${project ? `?project=${project.id}` : ''}`}>
            Logs
          </NavLink>
          <NavLink className="topnav-link" to={`/organizations/${org}/crons/${project ? `?project=${project.id}` : ''}`}>
            Crons
          </NavLink>
          <NavLink className="topnav-link" to={`/organizations/${org}/replays/${project ? `?project=${project.id}` : ''}`}>
            Replays
          </NavLink>
          <NavLink className="topnav-link" to={`/organizations/${org}/feedback/${project ? `?project=${project.id}` : ''}`}>
            Feedback
          </NavLink>
          {project && (
            <NavLink className="topnav-link" to={`/settings/${org}/projects/${project.slug}/`}>
              Project settings
            </NavLink>
          )}
          <NavLink className="topnav-link" to={`/settings/${org}/`} end>
            Organization
          </NavLink>
        </nav>
      )}
      <div className="topbar-right">
        <button
          type="button"
          className="btn btn-ghost"
          aria-label={dark ? 'Switch to light theme' : 'Switch to dark theme'}
          title={dark ? 'Light theme' : 'Dark theme'}
          onClick={() => setChoice(dark ? 'light' : 'dark')}
        >
          <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
        </button>
        <UserMenu org={org} theme={choice} onTheme={setChoice} />
      </div>
    </header>
  );
}

/** The signed-in frame: header with switchers and the user menu; pages render below. */
export function AppShell() {
  const { pathname } = useLocation();
  return (
    <ShellProjectProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" className="page">
        <PageErrorBoundary resetKey={pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
    </ShellProjectProvider>
  );
}
