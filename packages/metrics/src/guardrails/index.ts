export {
  evaluateGuardrail,
  type GuardrailDirection,
  type GuardrailInput,
  type GuardrailResult,
  type GuardrailStatus,
  type GuardrailThreshold,
} from './evaluate-guardrail.js';
