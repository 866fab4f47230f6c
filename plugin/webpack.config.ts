/*
 * Builds every plugin of this workspace (a folder under src/ holding plugin.json and module.ts)
 * into its own loadable folder, dist/<plugin id>/.
 *
 * The scaffold's .config/webpack/webpack.config.ts builds exactly one plugin rooted at
 * src/plugin.json (it reads that file when imported), so it cannot serve two sibling plugins.
 * This file applies the same rules once per plugin and reuses the scaffold's externals,
 * build-mode plugin and helpers; .config/ itself stays untouched.
 */
import CopyWebpackPlugin from 'copy-webpack-plugin';
import fs from 'fs';
import path from 'path';
import ReplaceInFileWebpackPlugin from 'replace-in-file-webpack-plugin';
import TerserPlugin from 'terser-webpack-plugin';
import webpack, { type Configuration } from 'webpack';
import { SubresourceIntegrityPlugin } from 'webpack-subresource-integrity';
import VirtualModulesPlugin from 'webpack-virtual-modules';

import { externals } from './.config/bundler/externals.ts';
import { getCPConfigVersion, getPackageJson } from './.config/bundler/utils.ts';
import { BuildModeWebpackPlugin } from './.config/webpack/BuildModeWebpackPlugin.ts';

type Env = Record<string, unknown>;

interface PluginFolder {
  id: string;
  dir: string;
  logos: string[];
}

const SOURCE_DIR = path.resolve(__dirname, 'src');
const DIST_DIR = path.resolve(__dirname, 'dist');

function findPluginFolders(): PluginFolder[] {
  return fs
    .readdirSync(SOURCE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(SOURCE_DIR, entry.name))
    .filter((dir) => fs.existsSync(path.join(dir, 'plugin.json')) && fs.existsSync(path.join(dir, 'module.ts')))
    .map((dir) => {
      const pluginJson = JSON.parse(fs.readFileSync(path.join(dir, 'plugin.json'), 'utf8'));
      const logos = [pluginJson.info?.logos?.small, pluginJson.info?.logos?.large].filter(Boolean);
      return { id: pluginJson.id, dir, logos: Array.from(new Set<string>(logos)) };
    });
}

function pluginConfig(plugin: PluginFolder, env: Env): Configuration {
  const production = Boolean(env.production);
  const outputDir = path.join(DIST_DIR, plugin.id);
  const version = getPackageJson().version;
  return {
    name: plugin.id,
    cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
    context: plugin.dir,
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: { module: path.join(plugin.dir, 'module.ts') },
    externals,
    mode: production ? 'production' : 'development',
    module: {
      rules: [
        // Sets webpack's public path from the AMD module's own URL (must come first for source maps).
        {
          test: /src\/(?:.*\/)?module\.tsx?$/,
          use: [{ loader: 'imports-loader', options: { imports: 'side-effects grafana-public-path' } }],
        },
        {
          exclude: /(node_modules)/,
          test: /\.[tj]sx?$/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                baseUrl: SOURCE_DIR,
                target: 'es2015',
                loose: false,
                parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true },
              },
            },
          },
        },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        {
          test: /\.(png|jpe?g|gif|svg)$/,
          type: 'asset/resource',
          generator: { filename: production ? '[hash][ext]' : '[file]' },
        },
      ],
    },
    optimization: {
      minimize: production,
      minimizer: [
        new TerserPlugin({
          terserOptions: {
            format: {
              comments: (_, { type, value }) => type === 'comment2' && value.trim().startsWith('[create-plugin]'),
            },
            compress: { drop_console: ['log', 'info'] },
          },
        }),
      ],
    },
    output: {
      clean: true,
      filename: '[name].js',
      chunkFilename: production ? '[name].js?_cache=[contenthash]' : '[name].js',
      library: { type: 'amd' },
      path: outputDir,
      publicPath: `public/plugins/${plugin.id}/`,
      uniqueName: plugin.id,
      crossOriginLoading: 'anonymous',
    },
    plugins: [
      new BuildModeWebpackPlugin(),
      new VirtualModulesPlugin({
        'node_modules/grafana-public-path.js': `
import amdMetaModule from 'amd-module';

__webpack_public_path__ =
  amdMetaModule && amdMetaModule.uri
    ? amdMetaModule.uri.slice(0, amdMetaModule.uri.lastIndexOf('/') + 1)
    : 'public/plugins/${plugin.id}/';
`,
      }),
      new webpack.BannerPlugin({
        banner: `/* [create-plugin] version: ${getCPConfigVersion()} */
/* [create-plugin] plugin: ${plugin.id}@${version} */`,
        raw: true,
        entryOnly: true,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'plugin.json', to: '.' },
          { from: 'README.md', to: '.' },
          { from: path.join(__dirname, 'LICENSE'), to: '.' },
          { from: path.join(__dirname, 'CHANGELOG.md'), to: '.' },
          ...plugin.logos.map((logo) => ({ from: logo, to: logo })),
          // locales/<language>/<plugin id>.json: Grafana loads the user's language next to module.js
          { from: 'locales', to: 'locales', noErrorOnMissing: true },
        ],
      }),
      new ReplaceInFileWebpackPlugin([
        {
          dir: outputDir,
          test: [/(^|\/)plugin\.json$/, /(^|\/)README\.md$/],
          rules: [
            { search: /%VERSION%/g, replace: version },
            { search: /%TODAY%/g, replace: new Date().toISOString().substring(0, 10) },
            { search: /%PLUGIN_ID%/g, replace: plugin.id },
          ],
        },
      ]),
      new SubresourceIntegrityPlugin({ hashFuncNames: ['sha256'] }),
    ],
    resolve: {
      extensions: ['.js', '.jsx', '.ts', '.tsx'],
      modules: [SOURCE_DIR, 'node_modules'],
      unsafeCache: true,
    },
  };
}

export default (env: Env): Configuration[] => findPluginFolders().map((plugin) => pluginConfig(plugin, env));
