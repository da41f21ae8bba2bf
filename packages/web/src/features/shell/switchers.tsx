import { useLocation, useNavigate } from 'react-router';
import type { Project } from '../../api/index.js';
import { Menu, MenuHeading, MenuItem } from '../../ui/menu.js';
import { rememberProject, useOrganization, useOrganizations, useProjects } from './workspace.js';

/** A superuser sees every organization here; in one they do not belong to, a badge says they act as superuser. */
export function OrgSwitcher({ org }: { org: string }) {
  const orgs = useOrganizations();
  const detail = useOrganization(org);
  const navigate = useNavigate();
  const current = orgs.data?.find((o) => o.slug === org);
  const outsider = detail.data?.isMember === false;
  return (
    <>
      <Menu
        className="btn btn-ghost switcher"
        buttonLabel={`Organization: ${current?.name ?? org}`}
        label={<span className="switcher-label">{current?.name ?? org}</span>}
      >
        {(close) => (
          <>
            <MenuHeading>Organizations</MenuHeading>
            {(orgs.data ?? []).map((o) => (
              <MenuItem
                key={o.id}
                checked={o.slug === org}
                onSelect={() => {
                  close();
                  navigate(`/organizations/${o.slug}/issues/`);
                }}
              >
                {o.name} <span className="faint">{o.slug}</span>
              </MenuItem>
            ))}
            {orgs.error && <MenuHeading>{orgs.error.detail}</MenuHeading>}
          </>
        )}
      </Menu>
      {outsider && (
        <span className="badge badge-warn" title="You are not a member of this organization; your superuser access is logged">
          superuser
        </span>
      )}
    </>
  );
}

/** On a project's settings page the switch stays in settings, on releases in releases; elsewhere it opens the project's issues. */
export function ProjectSwitcher({ org, project }: { org: string; project: Project | undefined }) {
  const projects = useProjects(org);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  function go(p: Project) {
    rememberProject(org, p.id);
    const settings = /^\/settings\/[^/]+\/projects\/[^/]+\/(.*)$/.exec(pathname);
    const section = /^\/organizations\/[^/]+\/releases\//.test(pathname) ? 'releases' : 'issues';
    navigate(settings ? `/settings/${org}/projects/${p.slug}/${settings[1] ?? ''}` : `/organizations/${org}/${section}/?project=${p.id}`);
  }
  return (
    <Menu
      className="btn btn-ghost switcher"
      buttonLabel={`Project: ${project?.slug ?? 'none'}`}
      label={<span className="switcher-label">{project ? project.slug : 'Choose project'}</span>}
    >
      {(close) => (
        <>
          <MenuHeading>Projects</MenuHeading>
          {(projects.data ?? []).map((p) => (
            <MenuItem
              key={p.id}
              checked={p.id === project?.id}
              onSelect={() => {
                close();
                go(p);
              }}
            >
              {p.slug} {p.platform && <span className="faint">{p.platform}</span>}
            </MenuItem>
          ))}
          {projects.data?.length === 0 && <MenuHeading>No projects yet</MenuHeading>}
        </>
      )}
    </Menu>
  );
}
