import { useResource } from '../../../api/index.js';
import { DEFAULT_THRESHOLDS, type HealthThresholds } from './health-rates.js';

/** The project's release-health thresholds (`healthThresholds` of `GET /projects/{org}/{project}/`), the defaults until they load. */
export function useHealthThresholds(org: string, projectSlug: string | undefined): HealthThresholds {
  const project = useResource<{ healthThresholds?: HealthThresholds }>(projectSlug ? `projects/${org}/${projectSlug}/` : null);
  return project.data?.healthThresholds ?? DEFAULT_THRESHOLDS;
}
