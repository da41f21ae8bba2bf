// Sentry's "behavior families": grouping and the rule matcher `family:` treat platforms of one
// family alike (Node and browser JS are both `javascript`).

export type Family = 'javascript' | 'native' | 'other';

const NATIVE = new Set(['native', 'c', 'cocoa', 'objc', 'swift']);

export function familyOf(platform: string): Family {
  if (platform === 'javascript' || platform === 'node') return 'javascript';
  return NATIVE.has(platform) ? 'native' : 'other';
}
