/** Data source settings: the collector service URL (jsonData.url) and its API key (secureJsonData.apiKey, never sent back). */
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Field, Input, SecretInput } from '@grafana/ui';
import React, { ChangeEvent } from 'react';

import { normalizeServiceUrl, serviceUrlProblem } from '../app/serviceUrl';
import { OpenManagerOptions, OpenManagerSecureOptions } from '../types';

type Props = DataSourcePluginOptionsEditorProps<OpenManagerOptions, OpenManagerSecureOptions>;

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const { jsonData, secureJsonFields, secureJsonData } = options;
  const urlProblem = serviceUrlProblem(jsonData.url);

  const setUrl = (url: string) => onOptionsChange({ ...options, jsonData: { ...jsonData, url } });

  const onApiKeyChange = (event: ChangeEvent<HTMLInputElement>) =>
    onOptionsChange({ ...options, secureJsonData: { ...secureJsonData, apiKey: event.target.value } });

  const onApiKeyReset = () =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureJsonFields, apiKey: false },
      secureJsonData: { ...secureJsonData, apiKey: '' },
    });

  return (
    <>
      <Field
        label={t('datasource.config.url.label', 'Service URL')}
        description={t(
          'datasource.config.url.description',
          "Where Grafana's server reaches the OpenManager collector service, e.g. http://collector-service:8787"
        )}
        invalid={urlProblem !== undefined}
        error={urlProblem}
      >
        <Input
          id="openmanager-config-url"
          width={60}
          value={jsonData.url ?? ''}
          // eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- an example URL, the same in every language
          placeholder="http://collector-service:8787"
          onChange={(event: ChangeEvent<HTMLInputElement>) => setUrl(event.target.value)}
          onBlur={() => jsonData.url && setUrl(normalizeServiceUrl(jsonData.url))}
        />
      </Field>
      <Field
        label={t('datasource.config.api-key.label', 'API key')}
        description={t(
          'datasource.config.api-key.description',
          "The secret of one of the service's API_KEYS. Grafana stores it encrypted and adds it to requests itself; browsers never receive it."
        )}
      >
        <SecretInput
          id="openmanager-config-api-key"
          width={60}
          isConfigured={Boolean(secureJsonFields?.apiKey)}
          value={secureJsonData?.apiKey ?? ''}
          placeholder={t('datasource.config.api-key.placeholder', 'API key secret')}
          onChange={onApiKeyChange}
          onReset={onApiKeyReset}
        />
      </Field>
    </>
  );
}
