import { useSearchParams } from 'react-router';
import { type Organization, type Project, type Resource, useResource } from '../../api/index.js';

export function useOrganizations(): Resource<Organization[]> {
  return useResource<Organization[]>('organizations/');
}

export function useOrganization(org: string | undefined): Resource<Organization> {
  return useResource<Organization>(org ? `organizations/${org}/` : null);
}

export function useProjects(org: string | undefined): Resource<Project[]> {
  return useResource<Project[]>(org ? `organizations/${org}/projects/` : null);
}

const lastProjectKey = (org: string) => `faultline-last-project:${org}`;

export function rememberProject(org: string, projectId: string): void {
  try {
    localStorage.setItem(lastProjectKey(org), projectId);
  } catch {
    // storage unavailable: the first project is the default
  }
}

function lastProject(org: string): string | null {
  try {
    return localStorage.getItem(lastProjectKey(org));
  } catch {
    return null;
  }
}

/**
 * The project the page is about: `?project=<id>` as in Sentry's links (a slug works too),
 * else the one used last in this organization, else the first.
 */
export function pickProject(projects: readonly Project[], wanted: string | null, org: string): Project | undefined {
  const byParam = wanted ? projects.find((p) => p.id === wanted || p.slug === wanted) : undefined;
  if (byParam) return byParam;
  if (wanted) return undefined;
  const remembered = lastProject(org);
  return projects.find((p) => p.id === remembered) ?? projects[0];
}

export function useCurrentProject(org: string): { projects: Resource<Project[]>; project: Project | undefined; wanted: string | null } {
  const projects = useProjects(org);
  const [params] = useSearchParams();
  const wanted = params.get('project');
  return { projects, project: projects.data ? pickProject(projects.data, wanted, org) : undefined, wanted };
}
