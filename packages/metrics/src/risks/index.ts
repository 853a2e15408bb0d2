export { riskScore } from './risk-score.js';
