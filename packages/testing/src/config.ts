import { loadConfig, type AppConfig } from '@sifa/server/config';

export const DEMO_PASSWORD = 'Sifa@2026';

/** The configuration tests run with: demo data, generous rate limits, no logging. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ SIFA_DEMO_PASSWORD: DEMO_PASSWORD }),
    databaseUrl: process.env.DATABASE_URL || undefined,
    loginRatePerMinute: 10_000,
    rateLimitPerMinute: 100_000,
    logLevel: 'silent',
    ...overrides,
  };
}
