export * from './collaboration-selection';
export * from './comment-highlights';
export * from './extensions';
export * from './file-nodes';
export * from './go-to-section';
export * from './section-hints';
export * from './template';
