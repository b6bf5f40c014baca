export * from './extensions';
export * from './template';
