import { ChartDefinitionText } from './chart-definition';
import { METRIC_DEFINITIONS, type MetricDefinitionName } from './metric-definitions';

export interface MetricDefinitionProps {
  name: MetricDefinitionName;
}

/** A `@bearing/metrics` formula's definition, by name, for panels outside a `ChartFrame`. */
export function MetricDefinition({ name }: MetricDefinitionProps) {
  return <ChartDefinitionText definition={METRIC_DEFINITIONS[name]} />;
}
