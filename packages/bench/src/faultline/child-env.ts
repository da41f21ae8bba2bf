/**
 * The environment for a Faultline child: the bench's own, minus any FAULTLINE_* or
 * DATABASE_URL from the developer's shell (a stray setting would silently change what is
 * measured), plus exactly the settings of this run.
 */
export function faultlineEnv(settings: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('FAULTLINE_') || key === 'DATABASE_URL') continue;
    env[key] = value;
  }
  return { ...env, ...settings };
}
