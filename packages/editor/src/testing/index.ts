export * from './concurrent-start';
