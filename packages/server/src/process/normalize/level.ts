import type { Level } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { jsonTypeOf } from './read-json.js';

// Relay's Level::from_str aliases (docs/wire-format.md › Event payloads), matched case-insensitively.
const LEVEL_NAMES: ReadonlyMap<string, Level> = new Map([
  ['fatal', 'fatal'],
  ['critical', 'fatal'],
  ['error', 'error'],
  ['warning', 'warning'],
  ['warn', 'warning'],
  ['info', 'info'],
  ['log', 'info'],
  ['debug', 'debug'],
]);

// Python logging's numeric levels, which old Python clients send (Relay: from_python_level).
const PYTHON_LEVELS: ReadonlyMap<number, Level> = new Map([
  [10, 'debug'],
  [20, 'info'],
  [30, 'warning'],
  [40, 'error'],
  [50, 'fatal'],
]);

/** A level from any JSON value; unknown or missing → undefined (with a note when unknown). */
export function parseLevel(value: unknown, notes: Notes, path: string): Level | undefined {
  if (value === undefined || value === null) return undefined;
  const level = typeof value === 'string' ? LEVEL_NAMES.get(value.trim().toLowerCase()) : typeof value === 'number' ? PYTHON_LEVELS.get(value) : undefined;
  if (level === undefined) {
    notes.invalid(path, typeof value === 'string' ? 'unknown level name' : `unknown level (${jsonTypeOf(value)})`);
  }
  return level;
}
