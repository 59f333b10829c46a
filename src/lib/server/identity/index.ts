// Identity: accounts, sessions, scoped roles, the policy helpers every module calls, and the audit log.
export * from './commands';
export * from './queries';
export { can, assertCan, assertHolds, holds, covers, isAdmin, mayInvite, mayManageInvites, requiresTwoFactor, TWO_FACTOR_ROLES, GLOBAL } from './policy';
export * from './two-factor/commands';
export * from './two-factor/queries';
export * from './invites/commands';
export * from './invites/queries';
export * from './tokens/commands';
export * from './account/commands';
export * from './tokens/queries';
export { API_TOKEN_SCOPES, API_TOKEN_DAYS, type ApiTokenScope } from './input';
export type { Actor, Grant, Target, IdentityAction } from './policy';
export * as audit from './audit';
export { generatePassword } from './crypto';
import './audit-retention'; // registers the audit log's retention rule
