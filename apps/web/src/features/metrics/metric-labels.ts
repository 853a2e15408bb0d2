import type { GuardrailStatus, MetricCategory, MetricDirection } from '@bearing/contracts';
import type { StatusStyle } from '../../components/status-badge';

export const CATEGORY_LABELS: Record<MetricCategory, string> = {
  adoption: 'Adoption',
  usage: 'Usage',
  'business-impact': 'Business impact',
  'technical-health': 'Technical health',
  delivery: 'Delivery',
};

export const DIRECTION_LABELS: Record<MetricDirection, string> = {
  'increase-is-good': 'Higher is better',
  'decrease-is-good': 'Lower is better',
};

export const GUARDRAIL_STATUS_STYLES: Record<GuardrailStatus, StatusStyle> = {
  ok: { label: 'OK', color: 'teal', shape: 'circle' },
  warning: { label: 'Warning', color: 'yellow', shape: 'triangle' },
  breached: { label: 'Breached', color: 'red', shape: 'square' },
};

export const NO_DATA: StatusStyle = { label: 'No data yet', color: 'gray', shape: 'ring' };
