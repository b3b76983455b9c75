export * from './deadlines';
export * from './eligibility';
export * from './indicators';
export * from './lawyers';
export * from './permissions';
export * from './schemas';
export * from './workflow';
