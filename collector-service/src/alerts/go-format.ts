/** Go's number formatting as Prometheus's templates print numbers: `%v`/`%g` of a float64, and a small printf. */

function stripZeros(mantissa: string): string {
  return mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
}

const exponent = (e: number) => `e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;

/** strconv.FormatFloat(v, 'g', prec, 64) without the '#' flag; prec -1 is the shortest representation. */
export function goFormatG(v: number, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = prec < 0 ? v.toExponential() : v.toExponential(prec - 1);
  const [mantissa, e] = exp.split('e');
  const x = Number(e);
  const digits = stripZeros(mantissa).replace(/[-.]/g, '').length;
  let eprec = prec < 0 ? 6 : prec;
  if (prec >= 0 && eprec > digits && digits >= x + 1) eprec = digits;
  if (x < -4 || x >= eprec) return stripZeros(mantissa) + exponent(x);
  return stripZeros(prec < 0 ? String(v) : v.toPrecision(prec));
}

/** fmt.Sprint of a float64. */
export const goFloat = (v: number) => goFormatG(v, -1);

/** fmt.Sprintf for the verbs annotation templates use: %s %v %d %f %.Nf %g %e %%. */
export function goPrintf(format: string, args: Array<string | number>): string {
  let i = 0;
  return format.replace(/%(-?\d*)(?:\.(\d+))?([svdfgeq%])/g, (_, width: string, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[i++];
    if (arg === undefined) return `%!${verb}(MISSING)`;
    const n = Number(arg);
    let out: string;
    if (verb === 's' || verb === 'v') out = typeof arg === 'number' ? goFloat(arg) : arg;
    else if (verb === 'q') out = JSON.stringify(String(arg));
    else if (typeof arg !== 'number' && Number.isNaN(n)) out = `%!${verb}(string=${arg})`;
    else if (verb === 'd') out = Number.isInteger(n) ? String(n) : `%!d(float64=${goFloat(n)})`;
    else if (verb === 'f') out = n.toFixed(precision === undefined ? 6 : Number(precision));
    else if (verb === 'e') out = n.toExponential(precision === undefined ? 6 : Number(precision)).replace(/e([+-])(\d)$/, 'e$10$2');
    else out = goFormatG(n, precision === undefined ? -1 : Number(precision));
    const w = Number(width);
    return w > 0 ? out.padStart(w) : w < 0 ? out.padEnd(-w) : out;
  });
}
