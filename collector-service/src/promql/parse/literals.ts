/** PromQL literals: numbers (decimal, hex, Inf/NaN, durations as seconds), durations and quoted strings. */

const UNIT_MS = {
  y: 365 * 86_400_000,
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
} as const;
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS_IN_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;

/** `1h30m`, `5m`, `90s` → milliseconds; null when the text is not a Prometheus duration. */
export function parseDurationText(text: string): number | null {
  if (text === '') return null;
  const m = DURATION.exec(text);
  if (!m) return null;
  let ms = 0;
  UNITS_IN_ORDER.forEach((unit, i) => {
    if (m[i + 1] !== undefined) ms += Number(m[i + 1]) * UNIT_MS[unit];
  });
  return ms;
}

/** A number literal as PromQL reads it; a duration literal (`5m`) counts as its seconds. */
export function parseNumber(text: string): number | null {
  // The grammar folds a sign into the literal, whitespace between them included (`- 2`).
  const plain = text.replace(/_/g, '').replace(/^([+-])\s+/, '$1');
  const sign = plain.startsWith('-') ? -1 : 1;
  const body = plain.replace(/^[+-]/, '');
  const lower = body.toLowerCase();
  if (lower === 'inf' || lower === 'infinity') return sign * Infinity;
  if (lower === 'nan') return NaN;
  if (/^0x[0-9a-f]+$/.test(lower)) return sign * parseInt(lower.slice(2), 16);
  if (/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/.test(lower)) return sign * Number(lower);
  const ms = parseDurationText(body);
  return ms === null ? null : (sign * ms) / 1000;
}

/** A duration in a duration context (`[5m]`, `offset 1h`, or plain seconds such as `[300]`) → ms. */
export function parseDurationLiteral(text: string): number | null {
  const ms = parseDurationText(text.replace(/_/g, ''));
  if (ms !== null) return ms;
  const seconds = parseNumber(text);
  return seconds === null || !Number.isFinite(seconds) ? null : Math.round(seconds * 1000);
}

/** Milliseconds in Prometheus's notation: 300000 → `5m`, 5400000 → `1h30m`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.abs(ms);
  let out = ms < 0 ? '-' : '';
  for (const unit of UNITS_IN_ORDER) {
    const n = Math.floor(rest / UNIT_MS[unit]);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * UNIT_MS[unit];
    }
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * Go's `strconv.Unquote`, which PromQL uses for string literals: `"…"` and `'…'` with escapes,
 * `` `…` `` raw. Null when the literal is not terminated or has a bad escape.
 */
export function unquote(literal: string): string | null {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return null;
  const body = literal.slice(1, -1);
  if (quote === '`') return body.includes('`') ? null : body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === quote) return null;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) return null;
    if (next in SIMPLE_ESCAPES) {
      if ((next === "'" && quote === '"') || (next === '"' && quote === "'")) return null;
      out += SIMPLE_ESCAPES[next];
      continue;
    }
    const hex = { x: 2, u: 4, U: 8 }[next as 'x' | 'u' | 'U'];
    const digits = hex ? body.slice(i + 1, i + 1 + hex) : body.slice(i, i + 3);
    const pattern = hex ? /^[0-9a-fA-F]+$/ : /^[0-7]{3}$/;
    if (digits.length !== (hex ?? 3) || !pattern.test(digits)) return null;
    const code = parseInt(digits, hex ? 16 : 8);
    out += hex === 2 || !hex ? String.fromCharCode(code) : String.fromCodePoint(code);
    i += hex ? hex : 2;
  }
  return out;
}
