/**
 * The child side of a load generator's IPC with the runner (lib/load.mjs, lib/chat-run.mjs): `config`
 * sets the generator's configuration, `exit` closes its clients and ends the process, any other command
 * runs the handler of that name and answers `{ reply: cmd, ...result }` or `{ reply: cmd, error }`.
 */
export function serveRunner({ handlers, setConfig, closeAll }) {
  process.on('message', async (msg) => {
    if (msg.cmd === 'config') {
      setConfig(msg.config);
      return;
    }
    if (msg.cmd === 'exit') {
      await closeAll().catch(() => {});
      process.exit(0);
    }
    try {
      const result = await handlers[msg.cmd](msg);
      process.send({ reply: msg.cmd, ...result });
    } catch (err) {
      process.send({ reply: msg.cmd, error: String(err?.stack ?? err) });
    }
  });
  // The runner going away must not leave this process behind.
  process.on('disconnect', () => process.exit(0));
}
