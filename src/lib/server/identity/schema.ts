// Identity: people who sign in (adults only), their sessions, the roles they hold with a scope,
// and the audit log of every change a signed-in person makes anywhere on the platform.
import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	index,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		locale: text('locale').notNull().default('en'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		disabledAt: timestamp('disabled_at', { withTimezone: true }),
		/** set when the owner deleted the account: the row stays, anonymised, so the audit log keeps its ids */
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)]
);

/** Sessions live in the database so any app instance can honour any session. The id is a SHA-256 of the cookie token. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Invitations: an admin (or a coordinator, within their region) invites someone by email with roles
 * already decided. The link sets a password (or, for an existing account, adds the roles once its
 * owner signs in on the invite page). The token is stored as a SHA-256 only.
 */
export const invites = pgTable(
	'identity_invites',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tokenHash: text('token_hash').notNull().unique(),
		email: text('email').notNull(),
		name: text('name').notNull().default(''),
		locale: text('locale').notNull().default('en'),
		/** [{ role, scopeKind, scopeValue }] granted on acceptance */
		grants: jsonb('grants').notNull(),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('identity_invites_email_idx').on(sql`lower(${t.email})`)]
);

/**
 * Personal access tokens for scripts calling non-public APIs: scoped, expiring, revocable, stored as
 * a SHA-256 only (the token is shown once, when made). They act as their owner, within their scopes.
 */
export const apiTokens = pgTable(
	'identity_api_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		scopes: text('scopes').array().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('identity_api_tokens_user_idx').on(t.userId)]
);

/** A requested change of email address, confirmed by a link sent to the new address (token hashed). */
export const emailChanges = pgTable('identity_email_changes', {
	id: text('id').primaryKey(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	newEmail: text('new_email').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true })
});

/**
 * A second factor (TOTP, RFC 6238) for one account. The shared secret is sealed at rest with the
 * deployment's master key (platform/secrets.ts, context `identity_two_factor:<userId>`). A row with no
 * `confirmedAt` is an enrolment under way: the secret was shown but no code has proved it yet.
 * `lastUsedStep` is the 30-second time step of the last code accepted: a code is never taken twice.
 */
export const twoFactor = pgTable('identity_two_factor', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	secretSealed: text('secret_sealed').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
	lastUsedStep: bigint('last_used_step', { mode: 'number' })
});

/** Single-use recovery codes for when the authenticator is lost: SHA-256 only, shown once. */
export const recoveryCodes = pgTable(
	'identity_recovery_codes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [index('identity_recovery_codes_user_idx').on(t.userId)]
);

/**
 * A sign-in half done: the password was right, the second factor is still to come. The cookie holds a
 * random token; only its SHA-256 is stored here, for a few minutes. No session exists until the code.
 */
export const pendingSignIns = pgTable(
	'identity_pending_signins',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('identity_pending_signins_user_idx').on(t.userId)]
);

/**
 * A sign-up waiting for its owner to confirm the address. No account exists until the link mailed to
 * the address is used, so sign-up answers a new and a known address alike ("check your email") and
 * nobody can hold an address they cannot read. Only the token's SHA-256 is stored; the password is
 * already hashed. Rows expire after a day and the retention job removes them.
 */
export const pendingSignUps = pgTable(
	'identity_pending_signups',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		locale: text('locale').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('identity_pending_signups_email_idx').on(t.email), index('identity_pending_signups_expires_idx').on(t.expiresAt)]
);

/** One-time password-reset tokens, stored hashed. */
export const passwordResets = pgTable('password_resets', {
	id: text('id').primaryKey(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true })
});

/** A role held by a user within a scope: the whole deployment, one ITU region, or one country. */
export const roleGrants = pgTable(
	'role_grants',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role').notNull(),
		scopeKind: text('scope_kind').notNull(),
		scopeValue: text('scope_value').notNull().default(''),
		grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('role_grants_unique').on(t.userId, t.role, t.scopeKind, t.scopeValue),
		index('role_grants_user_idx').on(t.userId)
	]
);

/** Append-only record of every change made by a signed-in person (or by the system on their behalf). */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		actorEmail: text('actor_email'),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		requestId: text('request_id'),
		/** sha256 of the previous entry's hash and this entry (see audit.ts): the hash chain */
		prevHash: text('prev_hash'),
		hash: text('hash')
	},
	(t) => [
		index('audit_log_at_idx').on(t.at),
		index('audit_log_entity_idx').on(t.entityType, t.entityId)
	]
);
