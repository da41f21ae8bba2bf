// URLs of minified files, maps and sources as docs/releases.md › Matching by release, dist and URL describes
// them. Artifacts are stored under the URL the upload gave them: a full URL, an absolute path, or `~/path`
// ("any scheme and host"). Pure string work: no URL class, which would normalize `~` and non-special schemes
// (`app:`, `webpack:`) differently per scheme.

const SCHEME_HOST = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const cut = (s: string, ch: string) => {
  const i = s.indexOf(ch);
  return i < 0 ? s : s.slice(0, i);
};

/**
 * The names an artifact for `url` may be stored under, most specific first (docs/releases.md › Matching by
 * release, dist and URL): without fragment, without query, then `~` + path with and without query.
 */
export function candidateUrls(url: string): string[] {
  const out: string[] = [];
  const add = (u: string) => {
    if (u !== '' && !out.includes(u)) out.push(u);
  };
  const noFragment = cut(url, '#');
  add(noFragment);
  add(cut(noFragment, '?'));
  const m = SCHEME_HOST.exec(noFragment);
  const path = m ? m[2] || '/' : noFragment.startsWith('/') ? noFragment : null;
  if (path?.startsWith('/')) {
    add(`~${path}`);
    add(`~${cut(path, '?')}`);
  }
  return out;
}

/** Splits `scheme://host/path`, `~/path` or a path into the part kept and the path resolved. */
function splitBase(url: string): { prefix: string; path: string } {
  const noQuery = cut(cut(url, '#'), '?');
  const m = SCHEME_HOST.exec(noQuery);
  if (m) return { prefix: m[1] as string, path: m[2] || '/' };
  if (noQuery.startsWith('~/')) return { prefix: '~', path: noQuery.slice(1) };
  return { prefix: '', path: noQuery };
}

function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    // Clamped at the root: a map may reach above the URL's root, the browser would too.
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  const joined = out.join('/');
  const trailing = path.endsWith('/') && joined !== '' ? '/' : '';
  return (absolute ? '/' : '') + joined + trailing;
}

/**
 * `ref` (a sourceMappingURL or a map's source) resolved against the URL of the file that
 * names it: scheme URLs and `data:` stay as they are; `/x` keeps the base's scheme and host
 * (or `~`); anything else is relative to the base's directory.
 */
export function resolveUrl(base: string, ref: string): string {
  if (HAS_SCHEME.test(ref) || ref.startsWith('~/')) return ref;
  const { prefix, path } = splitBase(base);
  if (ref.startsWith('//')) {
    const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(prefix)?.[1];
    return scheme ? `${scheme}${ref}` : ref;
  }
  if (ref.startsWith('/')) return prefix + normalizePath(ref);
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  const joined = normalizePath(dir + ref);
  return prefix !== '' && !joined.startsWith('/') ? `${prefix}/${joined}` : prefix + joined;
}

/** A map's `sources[i]` with its `sourceRoot`, as a URL relative to the map. */
export function sourceReference(sourceRoot: string | undefined, source: string): string {
  if (!sourceRoot || HAS_SCHEME.test(source) || source.startsWith('/')) return source;
  return sourceRoot.endsWith('/') ? sourceRoot + source : `${sourceRoot}/${source}`;
}

const WEBPACK = /^webpack:\/\/[^/]*\//;

/** `webpack:///./src/x.js` / `webpack://app/./src/x.js` → `./src/x.js`; `webpack:///~/lib/y.js` → `~/lib/y.js`. */
export function cleanWebpackPath(absPath: string): string | null {
  return WEBPACK.test(absPath) ? absPath.replace(WEBPACK, '') : null;
}

/** What a resolved frame shows as `filename`: webpack paths cleaned, URLs without origin, paths as they are. */
export function displayFilename(absPath: string): string {
  const webpack = cleanWebpackPath(absPath);
  if (webpack !== null) return webpack;
  const m = SCHEME_HOST.exec(absPath);
  if (m) return cut(cut(m[2] || '/', '#'), '?');
  if (absPath.startsWith('~/')) return absPath.slice(1);
  return absPath;
}

const VERSION_TOKEN = /^(?:[a-f0-9]{32}|[a-f0-9]{40})$/i;
// Sentry's CLEAN_MODULE_RE: leading slashes, common folders, versions and hashes, a trailing commitish.
const CLEAN_MODULE =
  /^(?:\/|(?:(?:java)?scripts?|js|build|static|node_modules|bower_components|[_.~].*?|v?(?:\d+\.)*\d+|[a-f0-9]{7,8}|[a-f0-9]{32}|[a-f0-9]{40})\/)+|(?:[-.][a-f0-9]{7,}$)/gi;

/** Sentry's generate_module: `http://x.com/js/v1.0/foo/bar/baz.js` → `foo/bar/baz`. */
export function generateModule(absPath: string): string {
  const { path } = splitBase(absPath);
  const dot = path.lastIndexOf('.');
  let name = dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
  if (name.endsWith('.min')) name = name.slice(0, -4);
  const tokens = name.split('/');
  for (let i = 0; i < tokens.length; i++) if (VERSION_TOKEN.test(tokens[i] as string)) return tokens.slice(i + 1).join('/') || '<unknown module>';
  return name.replace(CLEAN_MODULE, '') || '<unknown module>';
}

/** Modules are generated only for code served from URLs or bundled paths, as Sentry does. */
export function hasModuleScheme(absPath: string): boolean {
  return /^(?:https?|webpack|app):/i.test(absPath);
}

/**
 * in_app after mapping (docs/releases.md › When a frame is not resolved): webpack sources are in-app only under
 * `./` and outside node_modules; `app:` sources unless in node_modules; any node_modules path is not; else the
 * SDK's decision stands.
 */
export function inAppAfterMapping(absPath: string, filename: string, previous: boolean): boolean {
  if (absPath.startsWith('webpack:')) return filename.startsWith('./') && !filename.includes('/node_modules/');
  if (/(?:^|\/)node_modules\//.test(filename) || absPath.includes('/node_modules/')) return false;
  if (absPath.startsWith('app:')) return true;
  return previous;
}
