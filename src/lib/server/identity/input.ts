// The shapes of identity input, checked at the boundary. Messages are error codes
// that pages translate (see $lib/i18n/errors.ts).
import * as v from 'valibot';
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
	locale: v.optional(v.picklist(['en', 'fr', 'es', 'ru', 'zh', 'ar']), 'en')
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

export const GrantInput = v.pipe(
	v.object({
		userId: v.pipe(v.string('user_required'), v.uuid('user_required')),
		role: v.picklist(ROLES, 'role_invalid'),
		scopeKind: v.picklist(SCOPE_KINDS, 'scope_invalid'),
		scopeValue: v.optional(v.pipe(v.string(), v.trim()), '')
	}),
	v.forward(
		v.check((i) => ROLE_SCOPES[i.role].includes(i.scopeKind), 'scope_not_allowed_for_role'),
		['scopeKind']
	),
	v.forward(
		v.check((i) => {
			if (i.scopeKind === 'global') return i.scopeValue === '';
			if (i.scopeKind === 'region') return (REGIONS as readonly string[]).includes(i.scopeValue);
			return isCountryCode(i.scopeValue);
		}, 'scope_value_invalid'),
		['scopeValue']
	)
);
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
