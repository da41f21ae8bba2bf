/**
 * The server names the field of a validation problem at the start of its `detail`
 * ("conditions[0]: interval must be one of …", "config.url must be an http(s) URL",
 * "frequency must be a whole number …"). This finds that field so the editor can show the
 * message next to it: `conditions.0`, `config.url`, `frequency`. Null when no field is named.
 */
export function fieldOfDetail(detail: string): string | null {
  const m = /^([a-zA-Z]+(?:\.[a-zA-Z]+)?)(?:\[(\d+)\])?(?=[\s:])/.exec(detail);
  if (!m) return null;
  const name = m[1] as string;
  return m[2] === undefined ? name : `${name}.${m[2]}`;
}

/** The problem for `field` (or any of its rows, `conditions` covers `conditions.2`) when the detail names it. */
export function errorFor(detail: string | undefined, ...fields: string[]): string | undefined {
  if (!detail) return undefined;
  const named = fieldOfDetail(detail);
  if (named === null) return undefined;
  return fields.some((f) => named === f) ? detail : undefined;
}

/** Whether the detail names one of the fields a form shows (`conditions` covers `conditions.2`); if not, the form shows it on its own. */
export function namesShownField(detail: string, shown: readonly string[]): boolean {
  const named = fieldOfDetail(detail);
  return named !== null && shown.some((f) => named === f || named.startsWith(`${f}.`));
}
