// Progress use cases that change state, grouped by use case: assessment (focal point answers),
// validation (validator decisions), roadmap (country actions) and framework (versions). Each one
// authorises first (../policy.ts), runs in one transaction, and writes the audit log in that same
// transaction. Published scores are refreshed inside the transactions that change what is published.
export * from './assessment';
export * from './validation';
export * from './roadmap';
export * from './framework';
