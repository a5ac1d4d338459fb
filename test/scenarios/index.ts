/** Every scenario of the suite (`npm run scenarios`), by area. */
import type { Scenario } from '../../scripts/scenarios/scenario.js';
import { copyScenarios } from './copy.scenarios.js';
import { emergencyScenarios } from './emergency.scenarios.js';
import { followUpScenarios } from './follow-up.scenarios.js';
import { knowledgeScenarios } from './knowledge.scenarios.js';
import { languageScenarios } from './language.scenarios.js';
import { moneyScenarios } from './money.scenarios.js';
import { partsScenarios } from './parts.scenarios.js';
import { routingScenarios } from './routing.scenarios.js';
import { takeOverScenarios } from './take-over.scenarios.js';

/** All scenarios, in the order the report lists them. */
export const SCENARIOS: Scenario[] = [
  ...moneyScenarios,
  ...languageScenarios,
  ...followUpScenarios,
  ...knowledgeScenarios,
  ...emergencyScenarios,
  ...takeOverScenarios,
  ...partsScenarios,
  ...copyScenarios,
  ...routingScenarios,
];
