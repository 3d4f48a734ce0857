import 'reflect-metadata';
import { bootstrapStage } from '@newsflow/messaging';
import { StoreModule } from './store.module';

async function main(): Promise<void> {
  await bootstrapStage(StoreModule, {
    stage: 'store',
    consumes: true,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
