import 'reflect-metadata';
import { bootstrapStage } from '@newsflow/messaging';
import { EnricherModule } from './enricher.module';

async function main(): Promise<void> {
  await bootstrapStage(EnricherModule, {
    stage: 'enricher',
    consumes: true,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
