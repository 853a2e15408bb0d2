export { workingDays } from './working-days.js';
export {
  capacityPlan,
  type CapacityForecast,
  type CapacityHistory,
  type CapacityPlan,
  type CapacityPlanInput,
  type TeamMember,
} from './capacity-plan.js';
