// The kids zone's server face: scenario content (validated) and how pages present it. The zone has
// no tables and no commands: nothing a child does is ever sent to or stored on the server.
export { allScenarios, scenariosFor, findScenario, kidsPaths, loadScenarios } from './content';
export { parseScenario, validateGraph, type Scenario, type ScenarioNode, type Text } from './format';
export { presentScenario, presentCard, type PresentedScenario, type PresentedNode, type ScenarioCard } from './present';
