/** Small helpers over the lezer syntax tree: children, text, and `line:col` positions for messages. */
import type { SyntaxNode } from '@lezer/common' with { 'resolution-mode': 'import' };
import { badData } from '../errors';

export type { SyntaxNode };

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/** Holds the query text so nodes can be read and errors can point at them. */
export class Source {
  constructor(readonly text: string) {}

  textOf(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  position(offset: number): string {
    const before = this.text.slice(0, offset).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
  }

  /** A bad_data error in Prometheus's form: `1:5: parse error: …`. */
  error(node: SyntaxNode | number, message: string) {
    return badData(`${this.position(typeof node === 'number' ? node : node.from)}: parse error: ${message}`);
  }
}
