import { WriteTurns } from './write-turns';

describe('WriteTurns', () => {
  it('lets turns write in the order they were taken, even when a later one ends early', async () => {
    const turns = new WriteTurns();
    const order: string[] = [];
    const first = turns.take();
    const second = turns.take();
    const third = turns.take();
    // The second batch failed before writing: its turn is done at once, the third still waits for the first.
    second.done();
    const thirdWrote = third.ready.then(() => order.push('third'));
    await first.ready;
    order.push('first writes');
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['first writes']);
    first.done();
    await thirdWrote;
    expect(order).toEqual(['first writes', 'third']);
  });
});
