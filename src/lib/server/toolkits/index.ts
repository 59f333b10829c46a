// Sector toolkits: recommendations by theme written for this platform (content/toolkits), a
// self-assessment answered on the device (nothing kept) or saved with an account, scores per theme
// and a printable action plan. See docs/toolkits.md.
export * from './commands';
export * from './queries';
export { can, TOOLKITS_RULES, type ToolkitsAction } from './policy';
export { AssessmentInput, PlanLineInput, assessmentFromForm, formFieldOf } from './input';
export { assess, loadToolkits, findToolkit, type Toolkit, type Answers } from './content';
export {
	presentToolkit,
	presentToolkitSummary,
	presentAssessmentForm,
	presentResult,
	presentSavedSummary,
	type AssessmentResult,
	type AssessmentForm,
	type ToolkitPage
} from './present';
