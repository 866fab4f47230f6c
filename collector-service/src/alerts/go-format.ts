/** Go's number formatting as Prometheus's templates print numbers: `%v`/`%g` of a float64, and a small printf. */

function stripZeros(mantissa: string): string {
  return mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
}

const exponent = (e: number) => `e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;

/** Digits of |v| written out exactly (doubles below 1e21 have finite decimal expansions), or null when too long to tell. */
function exactDecimal(v: number): string | null {
  const a = Math.abs(v);
  if (a >= 1e21 || (a !== 0 && a < 1e-30)) return null;
  return a.toFixed(100);
}

/**
 * JS rounds an exact tie away from zero, Go to even: "0.125" → %.2f is 0.13 in JS, 0.12 in Go.
 * `rounded` is JS's text of v kept to `keep` significant digits (from the first non-zero digit) or
 * fraction digits; returns Go's.
 */
function halfEven(v: number, rounded: string, keepDigits: (exact: string) => number): string {
  const exact = exactDecimal(v);
  if (exact === null) return rounded;
  const plain = exact.replace('.', '');
  const cut = keepDigits(exact);
  const tail = plain.slice(cut);
  if (!/^50*$/.test(tail)) return rounded;
  const lastKept = Number(plain[cut - 1] ?? '0');
  if (lastKept % 2 !== 0) return rounded;
  // Even digit before the tie: Go truncates. Rebuild JS's text from the truncated value.
  const point = exact.indexOf('.');
  const kept = plain.slice(0, cut).padEnd(plain.length, '0');
  const truncated = Number(`${v < 0 ? '-' : ''}${kept.slice(0, point)}.${kept.slice(point)}`);
  return rounded.includes('e')
    ? truncated.toExponential(rounded.split('e')[0].replace(/[-.]/g, '').length - 1)
    : truncated.toFixed(rounded.split('.')[1]?.length ?? 0);
}

/** Go's %.Nf. */
export function goFixed(v: number, digits: number): string {
  return halfEven(v, v.toFixed(digits), (exact) => exact.indexOf('.') + digits);
}

/** Go's %.Ne (mantissa digits after the point). */
function goExponential(v: number, digits: number): string {
  return halfEven(v, v.toExponential(digits), (exact) => {
    const first = exact.replace('.', '').search(/[1-9]/);
    return first + digits + 1;
  });
}

/** strconv.FormatFloat(v, 'g', prec, 64) without the '#' flag; prec -1 is the shortest representation. */
export function goFormatG(v: number, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = prec < 0 ? v.toExponential() : goExponential(v, prec - 1);
  const [mantissa, e] = exp.split('e');
  const x = Number(e);
  const digits = stripZeros(mantissa).replace(/[-.]/g, '').length;
  let eprec = prec < 0 ? 6 : prec;
  if (prec >= 0 && eprec > digits && digits >= x + 1) eprec = digits;
  if (x < -4 || x >= eprec) return stripZeros(mantissa) + exponent(x);
  return stripZeros(prec < 0 ? String(v) : goFixed(Number(exp), Math.max(0, prec - 1 - x)));
}

/** fmt.Sprint of a float64. */
export const goFloat = (v: number) => goFormatG(v, -1);

/** fmt.Sprintf for the verbs annotation templates use: %s %v %d %f %.Nf %g %e %%. */
export function goPrintf(format: string, args: Array<string | number>): string {
  let i = 0;
  return format.replace(
    /%(-?\d*)(?:\.(\d+))?([svdfgeq%])/g,
    (_, width: string, precision: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      const arg = args[i++];
      if (arg === undefined) return `%!${verb}(MISSING)`;
      const n = Number(arg);
      let out: string;
      if (verb === 's' || verb === 'v') out = typeof arg === 'number' ? goFloat(arg) : arg;
      else if (verb === 'q') out = JSON.stringify(String(arg));
      else if (typeof arg !== 'number' && Number.isNaN(n)) out = `%!${verb}(string=${arg})`;
      else if (verb === 'd') out = Number.isInteger(n) ? String(n) : `%!d(float64=${goFloat(n)})`;
      else if (verb === 'f') out = goFixed(n, precision === undefined ? 6 : Number(precision));
      else if (verb === 'e')
        out = goExponential(n, precision === undefined ? 6 : Number(precision)).replace(/e([+-])(\d)$/, 'e$10$2');
      else out = goFormatG(n, precision === undefined ? -1 : Number(precision));
      const w = Number(width);
      return w > 0 ? out.padStart(w) : w < 0 ? out.padEnd(-w) : out;
    }
  );
}
