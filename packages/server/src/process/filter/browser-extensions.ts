import type { NormalizedEvent } from '../normalize/index.js';

// Relay's browser_extensions filter (relay-filter/src/browser_extensions.rs): messages that
// extensions, toolbars and injected scripts are known to produce…
const EXTENSION_MESSAGES = new RegExp(
  [
    'top\\.GLOBALS',
    'originalCreateNotification',
    'canvas\\.contentDocument',
    'MyApp_RemoveAllHighlights',
    'http://tt\\.epicplay\\.com',
    "Can't find variable: ZiteReader",
    'jigsaw is not defined',
    'ComboSearch is not defined',
    'http://loading\\.retry\\.widdit\\.com/',
    'atomicFindClose',
    'fb_xd_fragment',
    'bmi_SafeAddOnload',
    'EBCallBackMessageReceived',
    '_gCrWeb',
    'conduitPage',
    "null is not an object \\(evaluating 'elt\\.parentNode'\\)",
    'plugin\\.setSuspendState is not a function',
    'Extension context invalidated',
    'webkit-masked-url:',
    "can't access dead object",
    'Cannot redefine property: (?:solana|ethereum|googletag)',
  ].join('|'),
  'i',
);

// …and script URLs that belong to extensions or to third parties that break on their own.
const EXTENSION_SOURCES = new RegExp(
  [
    'graph\\.facebook\\.com',
    'connect\\.facebook\\.net',
    'eatdifferent\\.com\\.woopra-ns\\.com',
    'static\\.woopra\\.com/js/woopra\\.js',
    '^chrome(?:-extension)?://',
    '^moz-extension://',
    '^safari(?:-web)?-extension://',
    '^webkit-masked-url:',
    '127\\.0\\.0\\.1:4001/isrunning',
    'webappstoreapi\\.com',
    'metrics\\.itunes\\.apple\\.com\\.edgesuite\\.net/',
  ].join('|'),
  'i',
);

/** An exception whose message or crashing frame's script points at a browser extension. */
export function isBrowserExtensionError(event: NormalizedEvent): boolean {
  const values = event.exception?.values;
  if (values === undefined) return false;
  for (const exception of values) {
    if (exception.value !== undefined && EXTENSION_MESSAGES.test(exception.value)) return true;
    const top = exception.stacktrace?.frames.at(-1);
    const source = top?.abs_path ?? top?.filename;
    if (source !== undefined && EXTENSION_SOURCES.test(source)) return true;
  }
  return false;
}
