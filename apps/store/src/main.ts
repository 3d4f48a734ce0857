import 'reflect-metadata';
import { bootstrapStage } from '@newsflow/messaging';
import { loadStoreConfig } from './config/store.config';
import { StoreModule } from './store.module';

async function main(): Promise<void> {
  // The only read of the environment: a bad variable stops the process here, before Nest starts.
  const config = loadStoreConfig();
  await bootstrapStage(StoreModule.forRoot(config), {
    stage: 'store',
    consumes: true,
    kafka: config.kafka,
    httpPort: config.httpPort,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
