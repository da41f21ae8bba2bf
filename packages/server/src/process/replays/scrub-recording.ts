import { isJsonObject, type JsonObject, type JsonValue } from '@faultline/protocol';
import type { ReplayScrubber } from '../scrub/index.js';

/**
 * Server-side privacy for rrweb recordings (docs/replays.md › Privacy), in place: the SDK
 * masks text and inputs by default, but a page may turn that off. Walks full snapshots (event
 * type 2: the node tree), mutations (type 3, source 0: texts, attributes, added nodes), input
 * events (type 3, source 5: `text`), meta (type 4: `href`) and the SDK's custom events (type
 * 5: breadcrumbs and network spans; the SDK's `options` event holds only its settings). Values of password inputs are always masked the way rrweb
 * masks them (one `*` per character, so playback keeps its shape); other text and attribute
 * values get the project's scrubbing rules (card numbers, credentials, sensitive pairs).
 * Each node is visited once with an explicit stack: linear in the recording, no recursion.
 *
 * `passwordIds` carries the ids of password inputs across segments (an input event of segment
 * 7 names a node created in segment 0's snapshot); the walk adds the ids it discovers.
 */
export interface RecordingScrub {
  /** values changed (masked passwords and scrubbed strings) */
  changed: number;
}

// rrweb's event and source numbers (rrweb `EventType` and `IncrementalSource`).
const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const META = 4;
const CUSTOM = 5;
const MUTATION = 0;
const INPUT = 5;
// rrweb-snapshot `NodeType`.
const ELEMENT = 2;
const TEXT = 3;
// Attributes whose values are URLs of resources or styles: data URIs would only be mangled.
const SKIPPED_ATTRIBUTES = new Set(['src', 'srcset', 'style', '_cssText', 'rr_dataURL', 'd', 'points', 'viewBox', 'class']);

export function scrubRecording(events: JsonValue[], scrubber: ReplayScrubber, passwordIds: Set<number>): RecordingScrub {
  const state = { changed: 0, scrubber, passwordIds };
  for (const event of events) {
    if (!isJsonObject(event) || !isJsonObject(event.data)) continue;
    const data = event.data;
    if (event.type === FULL_SNAPSHOT) walkNodes(data.node, state);
    else if (event.type === INCREMENTAL && data.source === MUTATION) scrubMutation(data, state);
    else if (event.type === INCREMENTAL && data.source === INPUT) scrubInput(data, state);
    else if (event.type === META && typeof data.href === 'string') data.href = text(data.href, state);
    else if (event.type === CUSTOM && data.payload !== undefined && data.tag !== 'options') {
      const before = scrubber.count;
      data.payload = scrubber.value(data.payload);
      state.changed += scrubber.count - before;
    }
  }
  return { changed: state.changed };
}

interface WalkState {
  changed: number;
  readonly scrubber: ReplayScrubber;
  readonly passwordIds: Set<number>;
}

function text(value: string, state: WalkState): string {
  const out = state.scrubber.text(value);
  if (out !== value) state.changed++;
  return out;
}

function mask(value: JsonValue | undefined, state: WalkState): JsonValue | undefined {
  if (typeof value !== 'string' || value === '' || /^\**$/.test(value)) return value;
  state.changed++;
  return '*'.repeat(Math.min(value.length, 64));
}

function isPasswordInput(node: JsonObject): boolean {
  const attributes = node.attributes;
  return (
    typeof node.tagName === 'string' &&
    node.tagName.toLowerCase() === 'input' &&
    isJsonObject(attributes) &&
    typeof attributes.type === 'string' &&
    attributes.type.toLowerCase() === 'password'
  );
}

function walkNodes(root: JsonValue | undefined, state: WalkState): void {
  const stack: JsonValue[] = root === undefined ? [] : [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isJsonObject(node)) continue;
    if (node.type === TEXT && typeof node.textContent === 'string' && node.isStyle !== true) node.textContent = text(node.textContent, state);
    if (node.type === ELEMENT) {
      const password = isPasswordInput(node);
      if (password && typeof node.id === 'number') state.passwordIds.add(node.id);
      if (isJsonObject(node.attributes)) scrubAttributes(node.attributes, password, state);
    }
    if (Array.isArray(node.childNodes)) for (const child of node.childNodes) stack.push(child);
  }
}

function scrubAttributes(attributes: JsonObject, password: boolean, state: WalkState): void {
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (typeof value !== 'string') continue;
    if (password && key === 'value') attributes[key] = mask(value, state) ?? value;
    else if (!SKIPPED_ATTRIBUTES.has(key) && !value.startsWith('data:')) attributes[key] = text(value, state);
  }
}

function scrubMutation(data: JsonObject, state: WalkState): void {
  if (Array.isArray(data.adds)) for (const add of data.adds) if (isJsonObject(add)) walkNodes(add.node, state);
  if (Array.isArray(data.attributes)) {
    for (const change of data.attributes) {
      if (!isJsonObject(change) || !isJsonObject(change.attributes)) continue;
      const attributes = change.attributes;
      const id = typeof change.id === 'number' ? change.id : null;
      // An input turned into a password field from now on.
      if (id !== null && typeof attributes.type === 'string' && attributes.type.toLowerCase() === 'password') state.passwordIds.add(id);
      scrubAttributes(attributes, id !== null && state.passwordIds.has(id), state);
    }
  }
  if (Array.isArray(data.texts)) {
    for (const change of data.texts) if (isJsonObject(change) && typeof change.value === 'string') change.value = text(change.value, state);
  }
}

function scrubInput(data: JsonObject, state: WalkState): void {
  if (typeof data.text !== 'string') return;
  if (typeof data.id === 'number' && state.passwordIds.has(data.id)) data.text = mask(data.text, state) ?? data.text;
  else data.text = text(data.text, state);
}
