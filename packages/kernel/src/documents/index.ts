export * from './document.service';
export * from './pdf';
export * from './render';
export * from './verify-code';
export * from '../files/attachment.service';
export * from '../files/file-types';
export * from '../files/storage';
export * from './document-kinds';
