/**
 * Grafana's user language for jest tests, set as Grafana 12.1+ sets it before it loads a plugin: its i18next
 * instance in that language, with the plugin's locales/<language>/<plugin id>.json loaded under the plugin's id.
 */
import { initPluginTranslations } from '@grafana/i18n';
import i18next from 'i18next';

import datasourceEnglish from '../datasource/locales/en-US/openmanager-vibe-datasource.json';
import datasourceKorean from '../datasource/locales/ko-KR/openmanager-vibe-datasource.json';
import dataSourcePlugin from '../datasource/plugin.json';
import panelEnglish from '../panel/locales/en-US/openmanager-askai-panel.json';
import panelKorean from '../panel/locales/ko-KR/openmanager-askai-panel.json';
import panelPlugin from '../panel/plugin.json';

export type UserLanguage = 'en-US' | 'ko-KR';

const TEXTS: Record<UserLanguage, object> = {
  // In Grafana each plugin bundles its own @grafana/i18n, bound to its own id; here both plugins share one, bound to
  // the last id initialised, so each id gets both plugins' texts (their keys start "datasource." and "panel.").
  'en-US': { ...datasourceEnglish, ...panelEnglish },
  'ko-KR': { ...datasourceKorean, ...panelKorean },
};

export async function setUserLanguage(language: UserLanguage): Promise<void> {
  await initPluginTranslations(panelPlugin.id);
  for (const id of [dataSourcePlugin.id, panelPlugin.id]) {
    i18next.addResourceBundle(language, id, TEXTS[language], true, true);
  }
  await i18next.changeLanguage(language);
}
