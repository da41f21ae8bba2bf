/** What a User-Agent says about the browser and OS, for contexts and the legacy-browser filter. */
export interface UserAgentInfo {
  readonly browser?: { readonly name: string; readonly version: string };
  readonly os?: { readonly name: string; readonly version?: string };
}

/** One expression, or keywords that must follow each other on one line (see `inOrder`). */
type Rule = readonly [name: string, pattern: RegExp | readonly RegExp[]];

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari". Names follow
// ua-parser (what Sentry shows). Not a full ua-parser: the browsers people actually see.
const BROWSERS: readonly Rule[] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+(?:\.\d+)*)/],
  ['Opera Mini', /\bOpera Mini\/(\d+(?:\.\d+)*)/],
  ['Opera', /\bOPR\/(\d+(?:\.\d+)*)/],
  ['Opera', /\bOpera\b.*\bVersion\/(\d+(?:\.\d+)*)/],
  ['Opera', /\bOpera[/ ](\d+(?:\.\d+)*)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+(?:\.\d+)*)/],
  ['IE', /\bMSIE (\d+(?:\.\d+)*)/],
  ['IE', /\bTrident\/\d+(?:\.\d+)*;.*\brv:(\d+(?:\.\d+)*)/],
  ['Chrome Headless', /\bHeadlessChrome\/(\d+(?:\.\d+)*)/],
  ['Chrome Mobile iOS', /\bCriOS\/(\d+(?:\.\d+)*)/],
  ['Chrome', /\bChrome\/(\d+(?:\.\d+)*)/],
  ['Firefox iOS', /\bFxiOS\/(\d+(?:\.\d+)*)/],
  ['Firefox', /\bFirefox\/(\d+(?:\.\d+)*)/],
  // `Android (v).*Version/n.*Safari/` and `Version/(v).*Mobile/\S+.*Safari/` as chains: with two
  // `.*` each, a crafted 1 KiB header took 16 ms (cubic backtracking).
  ['Android', [/\bAndroid (\d+(?:\.\d+)*)/g, /\bVersion\/\d/g, /\bSafari\//g]],
  ['Mobile Safari', [/\bVersion\/(\d+(?:\.\d+)*)/g, /\bMobile\/\S/g, /\bSafari\//g]],
  ['Safari', /\bVersion\/(\d+(?:\.\d+)*).*\bSafari\//],
];

const WINDOWS_VERSIONS: Readonly<Record<string, string>> = {
  '10.0': '10',
  '6.3': '8.1',
  '6.2': '8',
  '6.1': '7',
  '6.0': 'Vista',
  '5.2': 'XP',
  '5.1': 'XP',
};

/** Browser and OS from a User-Agent string; either is absent when not recognized. */
export function parseUserAgent(ua: string): UserAgentInfo {
  // Real user agents are short; a huge header is not worth regex time.
  const text = ua.length > 1024 ? ua.slice(0, 1024) : ua;
  let browser: UserAgentInfo['browser'];
  for (const [name, pattern] of BROWSERS) {
    const m = pattern instanceof RegExp ? pattern.exec(text) : inOrder(text, pattern);
    if (m !== null) {
      browser = { name, version: m[1] as string };
      break;
    }
  }
  const os = parseOs(text);
  return { ...(browser ? { browser } : {}), ...(os ? { os } : {}) };
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The first match of `head` followed, on the same line, by a match of each of `tail` in turn: what
 * `head.*t1.*t2` finds, in linear time. The leftmost head is the only one to try: any later one
 * leaves less of the line for the tail. The expressions carry the `g` flag so a search can start
 * at `lastIndex` with `\b` still seeing the character before it.
 */
function inOrder(text: string, [head, ...tail]: readonly RegExp[]): RegExpExecArray | null {
  for (const line of text.split(LINE_BREAK)) {
    if (head === undefined) return null;
    head.lastIndex = 0;
    const m = head.exec(line);
    if (m === null) continue;
    let at = m.index + m[0].length;
    for (const next of tail) {
      next.lastIndex = at;
      const found = next.exec(line);
      at = found === null ? -1 : found.index + found[0].length;
      if (at === -1) break;
    }
    if (at !== -1) return m;
  }
  return null;
}

function parseOs(ua: string): UserAgentInfo['os'] {
  let m = /\bWindows NT (\d+\.\d+)/.exec(ua);
  if (m !== null) return { name: 'Windows', version: WINDOWS_VERSIONS[m[1] as string] ?? (m[1] as string) };
  m = /\b(?:iPhone|iPad|iPod)\b.*?\bOS (\d+(?:_\d+)*)/.exec(ua);
  if (m !== null) return { name: 'iOS', version: (m[1] as string).replaceAll('_', '.') };
  m = /\bAndroid (\d+(?:\.\d+)*)/.exec(ua);
  if (m !== null) return { name: 'Android', version: m[1] as string };
  m = /\bMac OS X (\d+(?:[_.]\d+)*)/.exec(ua);
  if (m !== null) return { name: 'Mac OS X', version: (m[1] as string).replaceAll('_', '.') };
  if (/\bCrOS\b/.test(ua)) return { name: 'Chrome OS' };
  if (/\bLinux\b/.test(ua)) return { name: 'Linux' };
  return undefined;
}
