// A one-line, human-readable account of what grouped an event, for the issue's "why grouped
// here" view and for debugging, e.g.
//   app: TypeError; frames: scenario «main().catch(…», scenario main, scenario processOrder

const SNIPPET = 40;

const snippet = (s: string): string => (s.length > SNIPPET ? `${s.slice(0, SNIPPET)}…` : s);

interface Block {
  head: string | undefined;
  value: string | undefined;
  frames: string[];
}

function split(component: string): [string, string] {
  const eq = component.indexOf('=');
  return eq < 0 ? [component, ''] : [component.slice(0, eq), component.slice(eq + 1)];
}

export function describeComponents(variant: string, components: readonly string[]): string {
  const blocks: Block[] = [];
  const extras: string[] = [];
  let block: Block | undefined;
  let where: string | undefined;
  let what: string | undefined;
  const flushFrame = (): void => {
    if (block !== undefined && (where !== undefined || what !== undefined)) block.frames.push([where, what].filter((x) => x !== undefined).join(' '));
    where = undefined;
    what = undefined;
  };
  for (const c of components) {
    const [kind, v] = split(c);
    if (kind === 'exception' || kind === 'stacktrace') {
      flushFrame();
      block = { head: kind === 'stacktrace' ? 'stack trace' : undefined, value: undefined, frames: [] };
      blocks.push(block);
    } else if (kind === 'frame') flushFrame();
    else if (kind === 'module' || kind === 'filename') where = v;
    else if (kind === 'function') what = v;
    else if (kind === 'context') what ??= `«${snippet(v)}»`;
    else if (kind === 'type' && block !== undefined) block.head = v;
    else if (kind === 'value' && block !== undefined) block.value = snippet(v);
    else {
      flushFrame();
      extras.push(v === '' ? kind : `${kind} "${snippet(v)}"`);
    }
  }
  flushFrame();
  const described = blocks.map((b) => {
    const head = `${b.head ?? 'exception'}${b.value === undefined ? '' : ` "${b.value}"`}`;
    return b.frames.length === 0 ? head : `${head}; frames: ${b.frames.join(', ')}`;
  });
  return `${variant}: ${[...described, ...extras].join(' | ')}`;
}
