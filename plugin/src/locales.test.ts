/**
 * The plugins' texts and their translations agree: every t() in the sources has its key in locales/en-US with the
 * same English text, and every language of plugin.json has the same keys with the same {{placeholders}}.
 */
import fs from 'node:fs';
import path from 'node:path';

const PLUGINS = ['datasource', 'panel'];
/** t('key', 'default' …) or t('key', "default" …): a literal key and English text, as translators' tools need them. */
const T_CALL = /\bt\(\s*'([a-z0-9.-]+)',\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'locales' ? [] : sourceFiles(file);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function textsInSources(folder: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of sourceFiles(path.join(__dirname, folder))) {
    const source = fs.readFileSync(file, 'utf8');
    const calls = [...source.matchAll(T_CALL)];
    // every call (not the "t()" of comments) has a literal key and English text
    expect({ file, calls: calls.length }).toEqual({ file, calls: (source.match(/\bt\((?!\))/g) ?? []).length });
    for (const [, key, single, double] of calls) {
      const text = (single ?? double).replace(/\\(['"])/g, '$1');
      expect({ key, text: texts.get(key) ?? text }).toEqual({ key, text });
      texts.set(key, text);
    }
  }
  return texts;
}

function flatten(tree: object, prefix = ''): Map<string, string> {
  return new Map(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[prefix + key, value]] : [...flatten(value, `${prefix}${key}.`)]
    )
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
}

describe.each(PLUGINS)('the %s plugin texts', (folder) => {
  const pluginJson = JSON.parse(fs.readFileSync(path.join(__dirname, folder, 'plugin.json'), 'utf8'));
  const localeFile = (language: string) => path.join(__dirname, folder, 'locales', language, `${pluginJson.id}.json`);
  const locale = (language: string) => flatten(JSON.parse(fs.readFileSync(localeFile(language), 'utf8')));

  it('offers English and Korean, each with its locale file', () => {
    expect(pluginJson.languages).toEqual(['en-US', 'ko-KR']);
    expect(fs.readdirSync(path.join(__dirname, folder, 'locales')).sort()).toEqual(['en-US', 'ko-KR']);
  });

  it('has every text of its sources in en-US, word for word, and nothing else', () => {
    expect(Object.fromEntries(locale('en-US'))).toEqual(Object.fromEntries(textsInSources(folder)));
  });

  it('translates every text into Korean with the same placeholders', () => {
    const english = locale('en-US');
    const korean = locale('ko-KR');
    expect([...korean.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of korean) {
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(english.get(key)!) });
      expect({ key, hangul: /[가-힣]/.test(text) || text === english.get(key) }).toEqual({ key, hangul: true });
    }
  });
});
