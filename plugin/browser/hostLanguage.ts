/**
 * Grafana's user language on the host page (page parameter `language`, default en-US), set up as Grafana 12.1+ does
 * before it loads a plugin: its i18next instance, which plugins receive as the external `i18next`, in that language
 * with each plugin's built locales/<language>/<plugin id>.json loaded under the plugin's id.
 */
import i18next, { i18n } from 'i18next';

export async function initHostLanguage(language: string, pluginIds: string[]): Promise<i18n> {
  await i18next.init({ lng: language, fallbackLng: 'en-US', resources: {}, returnEmptyString: false });
  await Promise.all(
    pluginIds.map(async (id) => {
      // a language the plugin has no file for leaves it with its English defaults, as in Grafana
      const response = await fetch(`/dist/${id}/locales/${language}/${id}.json`);
      if (response.ok) {
        i18next.addResourceBundle(language, id, await response.json(), true, true);
      }
    })
  );
  return i18next;
}
