import { generateAuditKeyPair } from '@sifa/kernel';
import { loadConfig, type AppConfig } from '@sifa/platform';

export const DEMO_PASSWORD = 'Sifa@2026';

/** SIFA_DATA_KEY of the test runs (never used outside tests). */
export const TEST_DATA_KEY = '5a'.repeat(32);

/** The audit anchor's SM2 signing key of this test process (never used outside tests; ADR 0019). */
export const TEST_AUDIT_SIGNING_KEY = generateAuditKeyPair().privatePem;

/**
 * The configuration tests run with: demo data, generous rate limits, no logging, and no second factor required of
 * the accounts tests create (the demo accounts are exempt anyway; the second-factor tests turn it on).
 */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ SIFA_DEMO_PASSWORD: DEMO_PASSWORD }),
    databaseUrl: process.env.DATABASE_URL || undefined,
    // A fixed personal-data key: tests must not write a key file into the working directory.
    dataKey: TEST_DATA_KEY,
    // …and a signing key of its own, so a server started by a test never makes a development key in ~/.sifa
    auditSigningKey: TEST_AUDIT_SIGNING_KEY,
    demoSize: 0, // tests make the records they count
    loginRatePerMinute: 10_000,
    rateLimitPerMinute: 100_000,
    mfaRoles: [],
    logLevel: 'silent',
    ...overrides,
  };
}
