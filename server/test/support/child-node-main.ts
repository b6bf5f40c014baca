/**
 * Entry of a server node run as a child process by the outage tests (child-node.ts): the real
 * application from the TypeScript sources, with the test document resolver registered. An unhandled
 * rejection prints a marker the test looks for and ends the process, as Node does by default, so a
 * test proves that no promise was left unhandled rather than relying on a safety net.
 */
import { createApp } from '../../src/app.factory';
import { DocAccessRegistry } from '../../src/collab/doc-access-registry';
import { loadConfig } from '../../src/config/app-config';
import { UNHANDLED_MARKER } from './child-node';
import { testDocResolver } from './collab-client';

process.prependListener('unhandledRejection', (reason) => {
  console.error(UNHANDLED_MARKER, reason);
  process.exit(70);
});

async function main(): Promise<void> {
  const config = loadConfig();
  const { app } = await createApp(config);
  app.get(DocAccessRegistry).register(testDocResolver);
  await app.listen(config.port, config.host);
  console.log('child node listening');
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('child node failed to start:', err);
  process.exit(1);
});
