/** Dashboard annotations from the data source: threshold breaches and anomalies, chosen in their own editor. */
import { AnnotationQuery, AnnotationSupport } from '@grafana/data';

import { AnnotationQueryEditor } from './components/AnnotationQueryEditor';
import { DEFAULT_ANNOTATION_QUERY, OpenManagerQuery } from './types';

export const annotationSupport: AnnotationSupport<OpenManagerQuery> = {
  QueryEditor: AnnotationQueryEditor,
  getDefaultQuery: () => DEFAULT_ANNOTATION_QUERY,
  /** Whatever was saved, the target runs as an annotation query with the defaults filled in. */
  prepareAnnotation: (json: AnnotationQuery<OpenManagerQuery>) => ({
    ...json,
    target: { refId: 'Anno', ...DEFAULT_ANNOTATION_QUERY, ...json.target, queryType: 'annotations' },
  }),
};
