/**
 * The query parameters Faultline's read APIs take (Sentry's names), for the tests that send
 * them hostile values: the property test over the parsers and the walk over every route.
 */
export const QUERY_KEYS: readonly string[] = [
  'dataset',
  'field',
  'yAxis',
  'query',
  'sort',
  'orderBy',
  'per_page',
  'limit',
  'cursor',
  'statsPeriod',
  'start',
  'end',
  'interval',
  'topEvents',
  'groupBy',
  'project',
  'environment',
  'category',
  'itemType',
  'attributeType',
  'includeSeries',
  'health',
  'flatten',
  'summaryStatsPeriod',
  'healthStatsPeriod',
];
