export * from './categories';
export * from './indicators';
export * from './permissions';
export * from './schemas';
export * from './workflow';
export * from './court';
export * from './registry';
export * from './registry-schemas';
