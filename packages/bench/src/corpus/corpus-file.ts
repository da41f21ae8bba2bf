import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvelopeTemplate } from './envelope-template.js';
import type { EnvelopeKind } from './envelopes.js';

// The corpus is built once by the orchestrator and read by each load-generator process, so
// every target gets byte-identical envelopes and no process pays for building it twice.

interface Slice {
  readonly at: number;
  readonly length: number;
}

interface IndexEntry {
  readonly kind: EnvelopeKind;
  readonly encoding: 'identity' | 'gzip';
  readonly errorType: number | null;
  readonly wire: Slice;
  readonly plain: Slice | null;
  readonly wireIdOffsets: readonly number[];
  readonly plainIdOffsets: readonly number[];
  readonly plainBytes: number;
}

export interface CorpusFiles {
  readonly dataFile: string;
  readonly indexFile: string;
}

export function writeCorpusFiles(dir: string, templates: readonly EnvelopeTemplate[]): CorpusFiles {
  const files = { dataFile: join(dir, 'corpus.bin'), indexFile: join(dir, 'corpus-index.json') };
  const chunks: Buffer[] = [];
  let at = 0;
  const add = (b: Buffer): Slice => {
    chunks.push(b);
    at += b.length;
    return { at: at - b.length, length: b.length };
  };
  const index: IndexEntry[] = templates.map((t) => ({
    kind: t.kind,
    encoding: t.encoding,
    errorType: t.errorType,
    wire: add(t.wire),
    plain: t.plain === null ? null : add(t.plain),
    wireIdOffsets: t.wireIdOffsets,
    plainIdOffsets: t.plainIdOffsets,
    plainBytes: t.plainBytes,
  }));
  writeFileSync(files.dataFile, Buffer.concat(chunks));
  writeFileSync(files.indexFile, JSON.stringify(index));
  return files;
}

export function readCorpusFiles(files: CorpusFiles): EnvelopeTemplate[] {
  const data = readFileSync(files.dataFile);
  const index = JSON.parse(readFileSync(files.indexFile, 'utf8')) as IndexEntry[];
  // Views into one buffer: stamping ids patches these bytes in place, which is intended.
  const view = (s: Slice): Buffer => data.subarray(s.at, s.at + s.length);
  return index.map((e) => ({
    kind: e.kind,
    encoding: e.encoding,
    errorType: e.errorType,
    wire: view(e.wire),
    plain: e.plain === null ? null : view(e.plain),
    wireIdOffsets: e.wireIdOffsets,
    plainIdOffsets: e.plainIdOffsets,
    plainBytes: e.plainBytes,
  }));
}
