import pino, { type Logger } from 'pino';

/** Paths that must never reach a log: credentials, codes, tokens, cookies. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  'confirmPassword',
  'currentPassword',
  'code',
  'token',
  '*.password',
  '*.confirmPassword',
  '*.currentPassword',
  '*.code',
  '*.token',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
