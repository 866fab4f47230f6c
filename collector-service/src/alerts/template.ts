/**
 * The part of Go's text/template that Prometheus alert annotations use: `{{ $labels.x }}`,
 * `{{ $value }}`, `{{ .Labels.x }}`, `{{ .Value }}`, `humanize`, `humanizePercentage`, `printf`,
 * pipes. Parsed once when the rule file loads (an unknown construct is refused there), rendered
 * per alert with Go's number formatting so texts match Prometheus's.
 */
import { goFloat, goFormatG, goPrintf } from './go-format';

type Operand =
  | { kind: 'label'; name: string }
  | { kind: 'value' }
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number };
interface Command {
  fn: 'humanize' | 'humanizePercentage' | 'printf' | null;
  args: Operand[];
}
type Part = { kind: 'text'; text: string } | { kind: 'action'; pipeline: Command[] };

export interface Template {
  parts: Part[];
}

export interface TemplateData {
  labels: Readonly<Record<string, string>>;
  value: number;
}

const TOKEN = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s|]+|\|)/gy;

function operand(token: string): Operand {
  if (token === '$value' || token === '.Value') return { kind: 'value' };
  const label = /^(?:\$labels|\.Labels)\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(token);
  if (label) return { kind: 'label', name: label[1] };
  if (token.startsWith('"')) return { kind: 'string', text: JSON.parse(token) as string };
  if (token.startsWith('`')) return { kind: 'string', text: token.slice(1, -1) };
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(token)) return { kind: 'number', value: Number(token) };
  throw new Error(
    `unsupported template operand ${JSON.stringify(token)} (use $labels.<name>, $value, a number or a quoted string)`
  );
}

function parseAction(body: string): Command[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  const text = body.trim();
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) tokens.push(m[1]);
  const commands: Command[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length === 0) throw new Error(`empty command in {{${body}}}`);
    const [head, ...rest] = current;
    if (head === 'humanize' || head === 'humanizePercentage' || head === 'printf')
      commands.push({ fn: head, args: rest.map(operand) });
    else if (rest.length === 0) commands.push({ fn: null, args: [operand(head)] });
    else
      throw new Error(
        `unsupported template function ${JSON.stringify(head)} (humanize, humanizePercentage and printf are)`
      );
    current = [];
  };
  for (const t of tokens) {
    if (t === '|') flush();
    else current.push(t);
  }
  flush();
  return commands;
}

export function parseTemplate(source: string): Template {
  const parts: Part[] = [];
  let rest = source;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) throw new Error('unclosed action: "{{" without "}}"');
    let text = rest.slice(0, open);
    let body = rest.slice(open + 2, close);
    // Go's trim markers: "{{- " eats the space before, " -}}" the space after.
    if (body.startsWith('- ')) {
      text = text.trimEnd();
      body = body.slice(1);
    }
    let after = rest.slice(close + 2);
    if (body.endsWith(' -')) {
      body = body.slice(0, -1);
      after = after.trimStart();
    }
    if (text) parts.push({ kind: 'text', text });
    parts.push({ kind: 'action', pipeline: parseAction(body) });
    rest = after;
  }
  return { parts };
}

type Runtime = string | number;

const print = (v: Runtime) => (typeof v === 'number' ? goFloat(v) : v);

function humanize(v: Runtime): string {
  const x = Number(v);
  if (x === 0 || !Number.isFinite(x)) return goFormatG(x, 4);
  const big = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  const small = ['', 'm', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];
  let scaled = x;
  let i = 0;
  if (Math.abs(x) >= 1) {
    while (Math.abs(scaled) >= 1000 && i < big.length - 1) {
      scaled /= 1000;
      i++;
    }
    return goFormatG(scaled, 4) + big[i];
  }
  while (Math.abs(scaled) < 1 && i < small.length - 1) {
    scaled *= 1000;
    i++;
  }
  return goFormatG(scaled, 4) + small[i];
}

export function renderTemplate(t: Template, data: TemplateData): string {
  const value = (o: Operand): Runtime => {
    if (o.kind === 'value') return data.value;
    if (o.kind === 'number') return o.value;
    return o.kind === 'string' ? o.text : (data.labels[o.name] ?? '');
  };
  let out = '';
  for (const part of t.parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    let piped: Runtime | undefined;
    for (const cmd of part.pipeline) {
      const args = [...cmd.args.map(value), ...(piped === undefined ? [] : [piped])];
      if (cmd.fn === null) piped = args[0];
      else if (cmd.fn === 'humanize') piped = humanize(args[0]);
      else if (cmd.fn === 'humanizePercentage') piped = humanize(Number(args[0]) * 100) + '%';
      else piped = goPrintf(String(args[0]), args.slice(1));
    }
    out += print(piped ?? '');
  }
  return out;
}
