import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../kernel/index.js';

export interface LogCapture {
  logger: Logger;
  /** every line logged so far, parsed */
  lines: Record<string, unknown>[];
}

/** A real logger whose JSON lines a test can read back, for behaviour that is only visible in the log (audit lines). */
export function captureLogs(level = 'info'): LogCapture {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}
