/** What a User-Agent says about the browser and OS, for contexts and the legacy-browser filter. */
export interface UserAgentInfo {
  readonly browser?: { readonly name: string; readonly version: string };
  readonly os?: { readonly name: string; readonly version?: string };
}

type Rule = readonly [name: string, pattern: RegExp];

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
  ['Android', /\bAndroid (\d+(?:\.\d+)*).*\bVersion\/\d+(?:\.\d+)*.*\bSafari\//],
  ['Mobile Safari', /\bVersion\/(\d+(?:\.\d+)*).*\bMobile\/\S+.*\bSafari\//],
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
    const m = pattern.exec(text);
    if (m !== null) {
      browser = { name, version: m[1] as string };
      break;
    }
  }
  const os = parseOs(text);
  return { ...(browser ? { browser } : {}), ...(os ? { os } : {}) };
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
