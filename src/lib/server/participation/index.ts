// Participation: safe, anonymous consultations of children and young people, with suppressed
// results and the answer of the people who asked ("you said, we did"). See docs/participation.md.
export * from './commands';
export * from './queries';
export * from './present';
export { can, canReview, mayEnterWorkspace, type ParticipationAction } from './policy';
export { ConsultationInput, consultationFromForm, questionFormValues, regionsText, withOneMoreQuestion } from './input';
export { field, type AnswerForm } from './answers';
export { isoDay, phase, resultsVisible, expiresOn, type Phase } from './rules';
export { scrubPersonalData, suggestsHarm } from './screen';
export type { PublishedTally } from './tally';
export { helpFor, answerAction, type HelpNow } from './pages';
export { scheduleRetention } from './jobs';
export * as openapi from './openapi';
