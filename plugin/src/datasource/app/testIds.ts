/** Test ids of the data source editors' repeated elements: the one list the components and their tests use. */
export const TEST_IDS = {
  seriesLabelFilter: 'openmanager-series-label-filter',
  addSeriesLabelFilter: 'openmanager-series-add-label-filter',
} as const;
