// Identity: people who sign in (adults only), their sessions, the roles they hold with a scope,
// and the audit log of every change a signed-in person makes anywhere on the platform.
import { sql } from 'drizzle-orm';
import {
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
		disabledAt: timestamp('disabled_at', { withTimezone: true })
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
		requestId: text('request_id')
	},
	(t) => [
		index('audit_log_at_idx').on(t.at),
		index('audit_log_entity_idx').on(t.entityType, t.entityId)
	]
);
