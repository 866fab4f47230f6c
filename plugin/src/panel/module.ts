/** Entry of the ask-AI panel plugin: its texts in the user's language, the panel component and its options. */
import { PanelPlugin } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';

import { AskAiPanel } from './components/AskAiPanel';
import { addAskAiOptions } from './options';
import pluginJson from './plugin.json';
import { AskAiOptions } from './types';

// Grafana (12.1+) loads locales/<language>/<plugin id>.json for the user's language; this binds t() to them.
// Not awaited (no top-level await, which jest's CommonJS run cannot load): it settles within a microtask, and t()
// runs only when Grafana renders or builds options, long after.
void initPluginTranslations(pluginJson.id);

export const plugin = new PanelPlugin<AskAiOptions>(AskAiPanel).setPanelOptions(addAskAiOptions);
