/** Slugs as Sentry allows them: lowercase letters, digits, `-` and `_`, starting with a letter or digit. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9][a-z0-9_-]{0,49}$/.test(slug) && !/^\d+$/.test(slug);
}

export function slugify(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return s && !/^\d+$/.test(s) ? s : `p-${s || 'project'}`;
}
