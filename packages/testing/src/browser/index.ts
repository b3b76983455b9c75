// Browser tests (Chromium + a test server + fixtures made through the API), for apps/web's and every module's
// `*.browser.test.ts`.
export * from './browser';
export * from './fixtures';
export * from './staff-api';
