import 'reflect-metadata';
import { loadStageConfig } from '@newsflow/config';
import { bootstrapStage } from '@newsflow/messaging';
import { EnricherModule } from './enricher.module';

async function main(): Promise<void> {
  const config = loadStageConfig('enricher');
  await bootstrapStage(EnricherModule, {
    stage: 'enricher',
    consumes: true,
    httpPort: config.HTTP_PORT,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
