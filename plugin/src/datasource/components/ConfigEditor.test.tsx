import { DataSourceSettings } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React, { useState } from 'react';

import { setUserLanguage } from '../../testing/userLanguage';
import { OpenManagerOptions, OpenManagerSecureOptions } from '../types';
import { ConfigEditor } from './ConfigEditor';

type Settings = DataSourceSettings<OpenManagerOptions, OpenManagerSecureOptions>;

function settings(change: Partial<Settings> = {}): Settings {
  return {
    id: 1,
    uid: 'openmanager',
    orgId: 1,
    name: 'OpenManager',
    type: 'openmanager-vibe-datasource',
    typeName: 'OpenManager',
    typeLogoUrl: '',
    access: 'proxy',
    url: '',
    user: '',
    database: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    withCredentials: false,
    readOnly: false,
    jsonData: {},
    secureJsonFields: {},
    ...change,
  } as Settings;
}

/** Holds the options as Grafana's settings page does, and reports every change. */
function renderEditor(initial: Settings) {
  const changes: Settings[] = [];
  function Host() {
    const [options, setOptions] = useState(initial);
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(next) => {
          changes.push(next);
          setOptions(next);
        }}
      />
    );
  }
  render(<Host />);
  return { changes, last: () => changes[changes.length - 1] };
}

describe('ConfigEditor', () => {
  it('stores the service URL in jsonData.url, without trailing slashes once the field is left', async () => {
    const { last } = renderEditor(settings());
    const url = screen.getByLabelText(/Service URL/);

    await userEvent.type(url, 'http://collector-service:8787/');
    expect(last().jsonData.url).toBe('http://collector-service:8787/');
    await userEvent.tab();
    expect(last().jsonData.url).toBe('http://collector-service:8787');
    expect(screen.getByLabelText(/Service URL/)).toHaveValue('http://collector-service:8787');
  });

  it('says what is wrong with a URL that is not http(s)', async () => {
    renderEditor(settings({ jsonData: { url: 'collector-service:8787' } }));
    expect(screen.getByText(/must start with http:\/\/ or https:\/\//)).toBeInTheDocument();
  });

  it('keeps a typed API key in secureJsonData only', async () => {
    const { last } = renderEditor(settings({ jsonData: { url: 'http://svc:8787' } }));

    await userEvent.type(screen.getByLabelText(/API key/), 's3cret');

    expect(last().secureJsonData).toEqual({ apiKey: 's3cret' });
    expect(last().jsonData).toEqual({ url: 'http://svc:8787' });
  });

  it('shows a stored key as configured, without its value, and resets it', async () => {
    const { last } = renderEditor(settings({ secureJsonFields: { apiKey: true } }));

    const key = screen.getByLabelText(/API key/);
    expect(key).toHaveValue('configured');
    expect(key).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));

    expect(last().secureJsonFields).toEqual({ apiKey: false });
    expect(last().secureJsonData).toEqual({ apiKey: '' });
    expect(screen.getByLabelText(/API key/)).toBeEnabled();
    expect(screen.getByLabelText(/API key/)).toHaveValue('');
  });
});

describe('ConfigEditor in the user language', () => {
  afterEach(() => setUserLanguage('en-US'));

  it('labels, explains and checks the settings in Korean for a Korean user', async () => {
    await setUserLanguage('ko-KR');
    renderEditor(settings({ jsonData: { url: 'ftp://collector' } }));

    expect(screen.getByLabelText(/서비스 URL/)).toHaveValue('ftp://collector');
    expect(screen.getByText(/Grafana 서버가 OpenManager 수집 서비스에 접속하는 주소/)).toBeInTheDocument();
    expect(screen.getByText('서비스 URL은 http:// 또는 https://로 시작해야 합니다(입력: ftp://)')).toBeInTheDocument();
    expect(screen.getByLabelText(/API 키/)).toHaveAttribute('placeholder', 'API 키 비밀 값');
    expect(screen.queryByText(/Service URL/)).not.toBeInTheDocument();
  });

  it('is in English for an English user', async () => {
    await setUserLanguage('en-US');
    renderEditor(settings({ jsonData: { url: 'ftp://collector' } }));

    expect(screen.getByLabelText(/Service URL/)).toHaveValue('ftp://collector');
    expect(screen.getByText('The service URL must start with http:// or https:// (got ftp://)')).toBeInTheDocument();
    expect(screen.getByLabelText(/API key/)).toHaveAttribute('placeholder', 'API key secret');
  });
});
