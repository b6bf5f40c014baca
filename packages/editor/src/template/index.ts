export * from './markdown';
export * from './sections';
export * from './text';
export * from './yjs-template';
