// The schema barrel: every module's tables, for drizzle-kit and the typed client.
export * from '../identity/schema';
export * from '../mail/schema';
export * from '../platform/schema';
export * from '../directory/schema';
export * from '../progress/schema';
export * from '../learning/schema';
export * from '../events/schema';
export * from '../participation/schema';
export * from '../toolkits/schema';
export * from '../network/schema';
export * from '../federation/schema';
export * from '../library/schema';
export * from '../translations/schema';
