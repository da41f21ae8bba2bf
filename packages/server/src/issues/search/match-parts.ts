/** `*`-globs as literal parts in order (the tokenizer split them): leftmost matches suffice, so it is linear. */
export function matchParts(parts: readonly string[], value: string): boolean {
  if (parts.length === 1) return value === parts[0];
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (!value.startsWith(first) || value.length < first.length + last.length) return false;
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = value.indexOf(parts[i] as string, at);
    if (found < 0) return false;
    at = found + (parts[i] as string).length;
  }
  return value.length - last.length >= at && value.endsWith(last);
}
