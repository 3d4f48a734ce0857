export async function measureIndex(_a: unknown): Promise<void> {}
