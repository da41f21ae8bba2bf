import type { Deploy } from './release-types.js';

export interface EnvironmentDeploys {
  readonly environment: string;
  /** newest first */
  readonly deploys: readonly Deploy[];
}

const finished = (d: Deploy) => (d.dateFinished ? Date.parse(d.dateFinished) : 0);

/** Deploys grouped per environment, the most recently deployed environment first. */
export function deploysByEnvironment(deploys: readonly Deploy[]): EnvironmentDeploys[] {
  const groups = new Map<string, Deploy[]>();
  for (const d of deploys) {
    const list = groups.get(d.environment) ?? [];
    list.push(d);
    groups.set(d.environment, list);
  }
  return [...groups.entries()]
    .map(([environment, list]) => ({ environment, deploys: [...list].sort((a, b) => finished(b) - finished(a)) }))
    .sort((a, b) => finished(b.deploys[0] as Deploy) - finished(a.deploys[0] as Deploy));
}
