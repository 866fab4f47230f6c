/** The panel's options: which OpenManager data source, the default question, asking on refresh, raw JSON. */
import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { DataSourceOption } from './components/DataSourceOption';
import { AskAiOptions, DEFAULT_OPTIONS } from './types';

export function addAskAiOptions(
  builder: PanelOptionsEditorBuilder<AskAiOptions>
): PanelOptionsEditorBuilder<AskAiOptions> {
  return builder
    .addCustomEditor({
      id: 'datasource',
      path: 'datasource',
      name: t('panel.options.datasource.name', 'Data source'),
      description: t(
        'panel.options.datasource.description',
        'The OpenManager data source to ask. Empty: the first one.'
      ),
      editor: DataSourceOption,
    })
    .addTextInput({
      path: 'defaultQuestion',
      name: t('panel.options.default-question.name', 'Default question'),
      description: t(
        'panel.options.default-question.description',
        'In the question box when the dashboard opens; may use variables such as $server.'
      ),
      defaultValue: DEFAULT_OPTIONS.defaultQuestion,
      settings: { useTextarea: true, rows: 2 },
    })
    .addBooleanSwitch({
      path: 'askOnRefresh',
      name: t('panel.options.ask-on-refresh.name', 'Ask on dashboard refresh'),
      description: t(
        'panel.options.ask-on-refresh.description',
        'Ask when the dashboard loads or refreshes: the last question, else the default one.'
      ),
      defaultValue: DEFAULT_OPTIONS.askOnRefresh,
    })
    .addBooleanSwitch({
      path: 'showRawJson',
      name: t('panel.options.raw-json.name', 'Show raw JSON'),
      description: t(
        'panel.options.raw-json.description',
        "Show the service's answer as JSON under the findings, for experts."
      ),
      defaultValue: DEFAULT_OPTIONS.showRawJson,
    });
}
