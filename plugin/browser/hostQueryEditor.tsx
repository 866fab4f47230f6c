/** The data source's QueryEditor from the built module, as Explore shows it. */
import * as grafanaData from '@grafana/data';
import * as React from 'react';

import { createHostDataSource } from './hostDataSource';
import { hostState } from './hostState';

export async function renderQueryEditor(
  shared: Record<string, unknown>,
  params: URLSearchParams
): Promise<React.ReactElement> {
  const { plugin, instance } = await createHostDataSource(shared);
  const QueryEditor = plugin.components.QueryEditor;
  const initial = JSON.parse(params.get('query') ?? '{"refId":"A"}');

  function Editor() {
    const [query, setQuery] = React.useState(initial);
    return (
      <QueryEditor
        datasource={instance}
        query={query}
        onChange={(next: unknown) => {
          hostState.queries.push(next);
          setQuery(next);
        }}
        onRunQuery={() => hostState.runs++}
        range={grafanaData.getDefaultTimeRange()}
        app={grafanaData.CoreApp.Explore}
      />
    );
  }
  return <Editor />;
}
