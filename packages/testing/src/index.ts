export * from './app';
export * from './config';
export * from './db';
export * from './server';
export * from './pg';
export * from './scope-probe';
export * from './sample-module';
