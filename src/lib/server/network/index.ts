// Partner and expert network: applications without an account (email confirmed by a private link),
// a scoped review queue for network reviewers with a thread to the applicant, the public directory
// with a relayed contact form, open data, and retention. See docs/network.md.
export * from './commands';
export * from './queries';
export { can, visibleScope, NETWORK_RULES, type NetworkAction } from './policy';
export { PartnerInput, ExpertInput, DirectoryQuery, PartnerListQuery, ExpertListQuery, QueueQuery, MessageInput, DeclineInput, ContactInput } from './input';
export { presentProfile, presentApplication, presentPartnerOpenData, presentExpertOpenData, applicationToForm, type Profile, type PresentedApplication } from './present';
export { applicationFromForm } from './forms';
export { privateLink } from './mails';
import './retention'; // registers its retention rule
export { seedNetworkDemo } from './demo';
