/** What `action` throws, for a spec to look into; fails the spec when it throws nothing. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
