// Test support (not exported): loads the real SDK captures kept in test-fixtures/<sdk-dir>/
// with their original names (docs/wire-format.md › Capture tags).
import { readdirSync, readFileSync } from 'node:fs';

export const FIXTURES = new URL('../test-fixtures/', import.meta.url);

interface CaptureRecord {
  readonly file: string;
  readonly method: string;
  readonly url: string;
  readonly decoded_bytes: number;
  readonly body_ends_with_newline: boolean | null;
  readonly files: readonly string[];
}

export interface EnvelopeCapture {
  /** `<sdk-dir>/<file>` as in expected-items.json. */
  readonly name: string;
  readonly record: CaptureRecord;
  readonly body: Uint8Array;
}

/** Every ingest envelope POST (`/api/N/envelope/` or the browser tunnel) of every SDK directory. */
export function loadEnvelopeCaptures(): EnvelopeCapture[] {
  const out: EnvelopeCapture[] = [];
  const dirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const dir of dirs) {
    const lines = readFileSync(new URL(`${dir.name}/requests.jsonl`, FIXTURES), 'utf8').split('\n');
    for (const line of lines) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as CaptureRecord;
      if (record.method !== 'POST' || !/\/envelope\/|\/tunnel/.test(record.url)) continue;
      out.push({ name: `${dir.name}/${record.file}`, record, body: captureBody(dir.name, record) });
    }
  }
  return out;
}

/** The exact body bytes: the `.body.bin` when there is one, else the `.txt` after its first blank line. */
function captureBody(dir: string, record: CaptureRecord): Uint8Array {
  const bin = record.files.find((f) => f.endsWith('.body.bin'));
  if (bin !== undefined) return new Uint8Array(readFileSync(new URL(`${dir}/${bin}`, FIXTURES)));
  const raw = new Uint8Array(readFileSync(new URL(`${dir}/${record.file}`, FIXTURES)));
  const blank = Buffer.from(raw).indexOf('\n\n');
  if (blank === -1) throw new Error(`${dir}/${record.file}: no blank line after the request headers`);
  return raw.subarray(blank + 2);
}

export function findCapture(captures: readonly EnvelopeCapture[], name: string): EnvelopeCapture {
  const found = captures.find((c) => c.name === name);
  if (found === undefined) throw new Error(`capture ${name} not found`);
  return found;
}
