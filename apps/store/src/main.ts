import 'reflect-metadata';
import { loadStageConfig } from '@newsflow/config';
import { bootstrapStage } from '@newsflow/messaging';
import { StoreModule } from './store.module';

async function main(): Promise<void> {
  const config = loadStageConfig('store');
  await bootstrapStage(StoreModule, {
    stage: 'store',
    consumes: true,
    httpPort: config.HTTP_PORT,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
