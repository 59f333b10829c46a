// The kids zone's server face: scenario content (validated) and how pages present it. The zone has
// no tables and no commands: nothing a child does is ever sent to or stored on the server.
export { allScenarios, scenariosFor, findScenario, kidsPaths, loadScenarios, allCourses, courseFor, findCourseStep, loadCourses } from './content';
export { compileCourse, parseCourse, stepPath, type Course, type CourseStep } from './course';
export { parseScenario, validateGraph, type Scenario, type ScenarioNode, type Text } from './format';
export { presentScenario, presentCard, presentCourse, helpPathOf, type PresentedScenario, type PresentedNode, type ScenarioCard, type PresentedCourse } from './present';
