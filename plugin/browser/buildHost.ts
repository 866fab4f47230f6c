/** Bundles host.tsx (react and the @grafana packages the AMD shim hands to module.js) into browser/dist/host.js. */
import { build } from 'esbuild';
import path from 'node:path';

export const HOST_BUNDLE = path.join(__dirname, 'dist', 'host.js');

export async function buildHost(): Promise<string> {
  await build({
    entryPoints: [path.join(__dirname, 'host.tsx')],
    outfile: HOST_BUNDLE,
    bundle: true,
    format: 'iife',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    // monaco-editor (inside @grafana/ui) pulls fonts and images through CSS.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    logLevel: 'warning',
  });
  return HOST_BUNDLE;
}
