// Project settings as the server keeps them (packages/server/src/process/project-settings.ts).

export interface InboundFilters {
  browserExtensions: boolean;
  localhost: boolean;
  legacyBrowsers: boolean;
  webCrawlers: boolean;
  healthChecks: boolean;
  errorMessages: string[];
  releases: string[];
}

export interface Scrubbing {
  enabled: boolean;
  scrubIpAddresses: boolean;
  sensitiveFields: string[];
  safeFields: string[];
}

export interface GroupingRules {
  fingerprintRules: string;
  stackRules: string;
}

export interface Retention {
  /** null: the server default (FAULTLINE_RETENTION_DAYS). */
  retentionDays: number | null;
  defaultDays?: number;
}

/** Lists edited one per line: blank lines dropped before saving. */
export function cleanList(list: readonly string[]): string[] {
  return list.map((s) => s.trim()).filter((s) => s !== '');
}
