export * from './deadlines';
export * from './indicators';
export * from './permissions';
export * from './schemas';
export * from './workflow';
