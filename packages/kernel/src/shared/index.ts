export * from './permissions';
export * from './orgs';
export * from './users';
export * from './common';
export * from './matters';
export * from './workflow';
