import { ByteWindow } from './byte-window';

describe(ByteWindow.name, () => {
  it('holds up to its limit and makes the next take wait until bytes are given back', async () => {
    const window = new ByteWindow(100);
    expect(await window.take(60)).toBe(true);
    let second = false;
    const taking = window.take(50).then((taken) => (second = taken));
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBe(false);
    expect(window.heldBytes).toBe(60);
    window.give(60);
    await taking;
    expect(second).toBe(true);
    expect(window.heldBytes).toBe(50);
  });

  it('lets one item larger than the limit through when nothing is held', async () => {
    const window = new ByteWindow(100);
    expect(await window.take(250)).toBe(true);
    expect(window.heldBytes).toBe(250);
  });

  it('answers false to a waiting take and to every later one once closed', async () => {
    const window = new ByteWindow(100);
    await window.take(100);
    const waiting = window.take(1);
    window.close();
    expect(await waiting).toBe(false);
    expect(await window.take(1)).toBe(false);
    expect(window.heldBytes).toBe(100);
  });
});
