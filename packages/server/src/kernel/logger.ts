import { type Logger as PinoLogger, pino } from 'pino';

/** Structured JSON logs (one object per line) to stderr, so stdout stays for CLI output. */
export type Logger = PinoLogger;

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: { service: 'faultline' } }, destination);
}

export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
