// The platform assembly an app composes with its registry of business modules: the Fastify app, its
// configuration, the server with jobs, the first-start seed. It knows no business module itself.
export * from './app';
export * from './audit-keys';
export * from './banner';
export { logFormatOf, type LogFormat } from './logging';
export { CONTENT_SECURITY_POLICY, securityHeaders } from './plugins/security-headers';
export * from './config';
export * from './jobs';
export * from './serve';
export * from './seed/seed';
