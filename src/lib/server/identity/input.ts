// The shapes of identity input, checked at the boundary. Messages are error codes
// that pages translate (see $lib/i18n/errors.ts).
import * as v from 'valibot';
import { locales } from '../../paraglide/runtime';
import { REGIONS } from '../../geo';
import { isCountryCode } from '../../geo';
import { LIMITS, ROLES, ROLE_SCOPES, SCOPE_KINDS } from '../../identity/roles';

const Email = v.pipe(
	v.string('email_required'),
	v.trim(),
	v.toLowerCase(),
	v.nonEmpty('email_required'),
	v.maxLength(LIMITS.emailMax, 'email_too_long'),
	v.email('email_invalid')
);

const Password = v.pipe(
	v.string('password_required'),
	v.nonEmpty('password_required'),
	v.minLength(LIMITS.passwordMin, 'password_too_short'),
	v.maxLength(LIMITS.passwordMax, 'password_too_long')
);

export const SignUpInput = v.object({
	name: v.pipe(
		v.string('name_required'),
		v.trim(),
		v.nonEmpty('name_required'),
		v.maxLength(LIMITS.nameMax, 'name_too_long'),
		// control characters would only make trouble in emails and logs
		v.regex(/^[^\p{Cc}]*$/u, 'name_invalid')
	),
	email: Email,
	password: Password,
	locale: v.optional(v.picklist(locales), 'en')
});
export type SignUpInput = v.InferOutput<typeof SignUpInput>;

export const SignInInput = v.object({
	email: Email,
	// never reveal password rules at sign-in: any non-empty string is a candidate
	password: v.pipe(v.string('password_required'), v.nonEmpty('password_required'), v.maxLength(LIMITS.passwordMax, 'password_too_long'))
});
export type SignInInput = v.InferOutput<typeof SignInInput>;

export const ResetRequestInput = v.object({ email: Email });
export type ResetRequestInput = v.InferOutput<typeof ResetRequestInput>;

export const ResetInput = v.object({
	token: v.pipe(v.string('token_invalid'), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'token_invalid')),
	password: Password
});
export type ResetInput = v.InferOutput<typeof ResetInput>;

const RoleInScope = {
	role: v.picklist(ROLES, 'role_invalid'),
	scopeKind: v.picklist(SCOPE_KINDS, 'scope_invalid'),
	scopeValue: v.optional(v.pipe(v.string(), v.trim()), '')
};

/**
 * A role in a scope the role may be granted in, with a real region or country: the checks every
 * grant passes, whatever else the object carries (an invitation's grant, a grant to a user).
 */
function grantable<TEntries extends typeof RoleInScope & v.ObjectEntries>(entries: TEntries) {
	type Grant = { role: (typeof ROLES)[number]; scopeKind: (typeof SCOPE_KINDS)[number]; scopeValue: string };
	return v.pipe(
		v.object(entries),
		v.forward(
			v.check((i) => ROLE_SCOPES[(i as Grant).role].includes((i as Grant).scopeKind), 'scope_not_allowed_for_role'),
			['scopeKind'] as never
		),
		v.forward(
			v.check((i) => {
				const g = i as Grant;
				if (g.scopeKind === 'global') return g.scopeValue === '';
				if (g.scopeKind === 'region') return (REGIONS as readonly string[]).includes(g.scopeValue);
				return isCountryCode(g.scopeValue);
			}, 'scope_value_invalid'),
			['scopeValue'] as never
		)
	);
}

const RoleGrant = grantable(RoleInScope);

/** How long an invitation link works, in days. */
export const INVITE_DAYS = { default: 7, max: 30 } as const;

export const InviteInput = v.object({
	email: Email,
	name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.nameMax, 'name_too_long')), ''),
	locale: v.optional(v.picklist(locales, 'invalid_value'), 'en'),
	grants: v.pipe(v.array(RoleGrant), v.minLength(1, 'invite_role_required'), v.maxLength(10, 'invalid_value')),
	days: v.optional(v.pipe(v.number('invalid_value'), v.integer('invalid_value'), v.minValue(1, 'invalid_value'), v.maxValue(INVITE_DAYS.max, 'invalid_value')), INVITE_DAYS.default)
});
export type InviteInput = v.InferOutput<typeof InviteInput>;

const InviteToken = v.pipe(v.string('token_invalid'), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'token_invalid'));

/** Accepting as a new account: a name and a new password. */
export const AcceptInviteInput = v.object({ token: InviteToken, name: SignUpInput.entries.name, password: Password });
export type AcceptInviteInput = v.InferOutput<typeof AcceptInviteInput>;

/** Accepting with the account the email already has: its current password. */
export const AcceptInviteExistingInput = v.object({
	token: InviteToken,
	current: v.pipe(v.string('password_required'), v.nonEmpty('password_required'), v.maxLength(LIMITS.passwordMax, 'password_too_long'))
});
export type AcceptInviteExistingInput = v.InferOutput<typeof AcceptInviteExistingInput>;

export const GrantInput = grantable({ userId: v.pipe(v.string('user_required'), v.uuid('user_required')), ...RoleInScope });
export type GrantInput = v.InferOutput<typeof GrantInput>;

export const ProfileInput = v.object({
	name: SignUpInput.entries.name
});
export type ProfileInput = v.InferOutput<typeof ProfileInput>;

export const ChangePasswordInput = v.object({
	current: v.pipe(v.string('password_required'), v.nonEmpty('password_required'), v.maxLength(LIMITS.passwordMax, 'password_too_long')),
	password: Password
});
export type ChangePasswordInput = v.InferOutput<typeof ChangePasswordInput>;

/** What a personal access token may be used for. Modules with non-public APIs add theirs here. */
export const API_TOKEN_SCOPES = ['learning.statements:read'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
export const API_TOKEN_DAYS = { default: 90, max: 365 } as const;

export const ApiTokenInput = v.object({
	name: v.pipe(v.string('name_required'), v.trim(), v.nonEmpty('name_required'), v.maxLength(80, 'name_too_long')),
	scopes: v.pipe(v.array(v.picklist(API_TOKEN_SCOPES, 'invalid_value')), v.minLength(1, 'token_scope_required')),
	days: v.optional(v.pipe(v.number('invalid_value'), v.integer('invalid_value'), v.minValue(1, 'invalid_value'), v.maxValue(API_TOKEN_DAYS.max, 'invalid_value')), API_TOKEN_DAYS.default)
});
export type ApiTokenInput = v.InferOutput<typeof ApiTokenInput>;

export const EmailChangeInput = v.object({ email: Email, current: ChangePasswordInput.entries.current });
export type EmailChangeInput = v.InferOutput<typeof EmailChangeInput>;

export const DeleteAccountInput = v.object({
	current: ChangePasswordInput.entries.current,
	confirm: v.literal('yes', 'delete_confirm_required')
});
export type DeleteAccountInput = v.InferOutput<typeof DeleteAccountInput>;

/** A 6-digit code from an authenticator app (spaces typed between the digits are dropped). */
const TotpCode = v.pipe(v.string('two_factor_code_required'), v.transform((x) => x.replace(/\s/g, '')), v.nonEmpty('two_factor_code_required'), v.regex(/^\d{6}$/, 'two_factor_code_invalid'));

/** Either a 6-digit code or a recovery code (`k3m9q-7xv2p`). */
const TotpOrRecoveryCode = v.pipe(
	v.string('two_factor_code_required'),
	v.trim(),
	v.nonEmpty('two_factor_code_required'),
	v.maxLength(40, 'two_factor_code_invalid'),
	v.regex(/^[A-Za-z0-9 -]+$/, 'two_factor_code_invalid'),
	v.transform((x) => (/^[\d ]+$/.test(x) ? x.replace(/ /g, '') : x))
);

export const TwoFactorCodeInput = v.object({ code: TotpCode });
export type TwoFactorCodeInput = v.InferOutput<typeof TwoFactorCodeInput>;

export const DisableTwoFactorInput = v.object({ current: ChangePasswordInput.entries.current, code: TotpOrRecoveryCode });
export type DisableTwoFactorInput = v.InferOutput<typeof DisableTwoFactorInput>;

export const TwoFactorSignInInput = v.object({ code: TotpOrRecoveryCode });
export type TwoFactorSignInInput = v.InferOutput<typeof TwoFactorSignInInput>;
