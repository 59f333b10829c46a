// The learning module's part of the open API: the xAPI statements export. The handler in
// src/routes/api/v1/learning/statements validates its query with `StatementsQuery`.
import * as v from 'valibot';
import { intParam, operation, type ApiPaths } from '../api/describe';

export const StatementsQuery = v.object({
	since: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{4}-\d{2}-\d{2}/, 'invalid_value'),
			v.check((s) => !Number.isNaN(new Date(s).getTime()), 'invalid_value'),
			v.description('Only statements stored after this instant (ISO 8601)')
		)
	),
	limit: v.optional(intParam(1, 500, 'invalid_value', 'Statements per page (default 100)')),
	after: v.optional(intParam(0, 999_999_999_999_999, 'invalid_value', 'Continuation position, as given in `more`'))
});

export const learningApi: ApiPaths = {
	paths: {
		'/learning/statements': {
			get: operation({
				operationId: 'listLearningStatements',
				summary: 'xAPI statements (learning records) of signed-in learners, admin only',
				description:
					'Every lesson view, quiz answer, pass/fail and course completion as an xAPI 1.0.3 statement. The actor is an account (homePage = this deployment, name = an opaque user id), never an email address. Authenticate with an admin session cookie, or with a personal access token made at /account/tokens with the scope learning.statements:read (`Authorization: Bearer cop_pat_...`). Results come in stored order; follow `more` for the next page (empty string when there is none).',
				security: [{ session: [] }, { bearer: [] }],
				query: StatementsQuery,
				ok: { description: 'An xAPI StatementResult', schema: { $ref: '#/components/schemas/XapiStatementResult' } },
				errors: { 401: 'Not signed in', 403: 'Not an administrator' }
			})
		}
	},
	schemas: {
		XapiStatementResult: { type: 'object', required: ['statements', 'more'], properties: { statements: { type: 'array', items: { $ref: '#/components/schemas/XapiStatement' } }, more: { type: 'string', description: 'Relative URL of the next page, or an empty string' } } },
		XapiStatement: {
			type: 'object',
			required: ['id', 'actor', 'verb', 'object', 'timestamp', 'stored'],
			properties: {
				id: { type: 'string', format: 'uuid' },
				actor: { type: 'object', required: ['objectType', 'account'], properties: { objectType: { const: 'Agent' }, account: { type: 'object', required: ['homePage', 'name'], properties: { homePage: { type: 'string', format: 'uri' }, name: { type: 'string' } } } } },
				verb: { type: 'object', required: ['id'], properties: { id: { type: 'string', enum: ['http://adlnet.gov/expapi/verbs/registered', 'http://adlnet.gov/expapi/verbs/experienced', 'http://adlnet.gov/expapi/verbs/answered', 'http://adlnet.gov/expapi/verbs/passed', 'http://adlnet.gov/expapi/verbs/failed', 'http://adlnet.gov/expapi/verbs/completed'] }, display: { type: 'object' } } },
				object: { type: 'object', required: ['objectType', 'id'], properties: { objectType: { const: 'Activity' }, id: { type: 'string', format: 'uri' }, definition: { type: 'object' } } },
				result: { type: 'object', properties: { score: { type: 'object', properties: { scaled: { type: 'number' }, raw: { type: 'number' }, min: { type: 'number' }, max: { type: 'number' } } }, success: { type: 'boolean' }, completion: { type: 'boolean' }, response: { type: 'string' } } },
				context: { type: 'object' },
				timestamp: { type: 'string', format: 'date-time' },
				stored: { type: 'string', format: 'date-time' },
				version: { type: 'string' }
			}
		}
	}
};
