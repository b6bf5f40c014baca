export * from './agenda';
export * from './depth';
export * from './files';
export * from './markdown';
export * from './mentions';
export * from './sections';
export * from './text';
export * from './yjs-template';
