// Identity: accounts, sessions, scoped roles, the policy helpers every module calls, and the audit log.
export * from './commands';
export * from './queries';
export { can, assertCan, assertHolds, holds, covers, isAdmin, GLOBAL } from './policy';
export type { Actor, Grant, Target, IdentityAction } from './policy';
export * as audit from './audit';
export { generatePassword } from './crypto';
