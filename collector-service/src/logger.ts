/** The service's structured logger (pino, JSON lines on stdout). Secrets are redacted wherever they could appear. */
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'openmanager-collector' },
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        'authorization',
        'apiKey',
        'secret',
        'password',
        '*.secret',
        '*.apiKey',
      ],
      censor: '[redacted]',
    },
  });
}
