import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { rememberProject } from './workspace.js';

interface ShellProjectValue {
  projectId: string | null;
  setProjectId(id: string | null): void;
}

const ShellProjectContext = createContext<ShellProjectValue>({ projectId: null, setProjectId: () => {} });

/** Lets the page tell the header which project it shows (the issue page knows it only from the issue). */
export function ShellProjectProvider({ children }: { children: ReactNode }) {
  const [projectId, setProjectId] = useState<string | null>(null);
  const value = useMemo(() => ({ projectId, setProjectId }), [projectId]);
  return <ShellProjectContext.Provider value={value}>{children}</ShellProjectContext.Provider>;
}

export function useShellProjectId(): string | null {
  return useContext(ShellProjectContext).projectId;
}

export function usePublishProject(org: string, projectId: string | undefined): void {
  const { setProjectId } = useContext(ShellProjectContext);
  useEffect(() => {
    if (!projectId) return;
    rememberProject(org, projectId);
    setProjectId(projectId);
  }, [org, projectId, setProjectId]);
}
